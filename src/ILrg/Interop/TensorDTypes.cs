namespace ILrg.Interop;

/// <summary>Facts about <see cref="TensorDType"/> values.</summary>
public static class TensorDTypes
{
    /// <summary>Bytes per element.</summary>
    public static int ElementSize(this TensorDType dtype) => dtype switch
    {
        TensorDType.Float16 or TensorDType.BFloat16 or TensorDType.Int16 => 2,
        TensorDType.Float32 or TensorDType.Int32 => 4,
        TensorDType.Float64 or TensorDType.Int64 => 8,
        TensorDType.Int8 or TensorDType.UInt8 or TensorDType.Bool => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "unknown element type"),
    };

    /// <summary>True for the floating-point types (the ones parameters and gradients use).</summary>
    public static bool IsFloatingPoint(this TensorDType dtype) =>
        dtype is TensorDType.Float16 or TensorDType.BFloat16 or TensorDType.Float32 or TensorDType.Float64;

    /// <summary>Lower-case name as PyTorch prints it (float32, int64, ...).</summary>
    public static string DisplayName(this TensorDType dtype) => dtype switch
    {
        TensorDType.Float16 => "float16",
        TensorDType.BFloat16 => "bfloat16",
        TensorDType.Float32 => "float32",
        TensorDType.Float64 => "float64",
        TensorDType.Int8 => "int8",
        TensorDType.UInt8 => "uint8",
        TensorDType.Int16 => "int16",
        TensorDType.Int32 => "int32",
        TensorDType.Int64 => "int64",
        TensorDType.Bool => "bool",
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "unknown element type"),
    };
}
