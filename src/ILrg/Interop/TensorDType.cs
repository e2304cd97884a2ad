namespace ILrg.Interop;

#pragma warning disable CA1720 // the members are named like PyTorch's and NumPy's element types on purpose

/// <summary>The element type of a tensor read from a file (the types PyTorch state dicts and NumPy arrays
/// use).</summary>
public enum TensorDType
{
    /// <summary>IEEE half precision (PyTorch float16, NumPy f2, safetensors F16).</summary>
    Float16,

    /// <summary>bfloat16 (PyTorch and safetensors only).</summary>
    BFloat16,

    /// <summary>IEEE single precision.</summary>
    Float32,

    /// <summary>IEEE double precision.</summary>
    Float64,

    /// <summary>Signed 8-bit integer.</summary>
    Int8,

    /// <summary>Unsigned 8-bit integer.</summary>
    UInt8,

    /// <summary>Signed 16-bit integer.</summary>
    Int16,

    /// <summary>Signed 32-bit integer.</summary>
    Int32,

    /// <summary>Signed 64-bit integer (PyTorch long; BatchNorm's num_batches_tracked).</summary>
    Int64,

    /// <summary>Boolean, one byte per element.</summary>
    Bool,
}
