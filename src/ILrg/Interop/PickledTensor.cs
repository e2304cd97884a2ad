using System.Reflection;
using TorchSharp;

namespace ILrg.Interop;

/// <summary>
/// What TorchSharp.PyBridge's unpickler tells about one tensor of a <c>torch.save</c> file when asked not to read the
/// data (<c>skipTensorRead</c>): the zip entry of its storage, the element type, the storage offset, shape and strides.
/// </summary>
/// <remarks> PyBridge 1.4.4 returns these as an internal record (<c>PyTorchUnpickler.TensorConstructorArgs</c>) with
/// public properties; they are read by reflection so that no native tensor is allocated from a shape that has not been
/// checked. The package version is pinned in Directory.Packages.props, and a change of that record is reported clearly.
/// </remarks>
internal sealed record PickledTensor(
    int ArchiveIndex, TensorDType DType, long StorageOffset, long[] Shape, long[] Stride)
{
    private const string RecordType = "TorchSharp.PyBridge.PyTorchUnpickler+TensorConstructorArgs";

    /// <summary>Reads the record, or returns null when <paramref name="value"/> is not a tensor record.</summary>
    /// <exception cref="InvalidDataException">The tensor's element type is not accepted.</exception>
    /// <exception cref="InvalidOperationException">PyBridge's record no longer has the expected properties.</exception>
    public static PickledTensor? From(object? value, string source, string key)
    {
        if (value is null || value.GetType().FullName != RecordType)
        {
            return null;
        }

        Type type = value.GetType();
        (type.GetProperty("Data")?.GetValue(value) as Stream)?.Dispose(); // PyBridge opened the entry; it is not read
        var dtype = (torch.ScalarType)Get(type, value, "DType");
        return new PickledTensor(
            (int)Get(type, value, "ArchiveIndex"),
            Map(dtype, source, key),
            (int)Get(type, value, "StorageOffset"),
            (long[])Get(type, value, "Shape"),
            (long[])Get(type, value, "Stride"));
    }

    private static object Get(Type type, object value, string property)
    {
        PropertyInfo? info = type.GetProperty(property, BindingFlags.Public | BindingFlags.Instance);
        return info?.GetValue(value) ?? throw new InvalidOperationException(
            $"TorchSharp.PyBridge's tensor record has no '{property}'; this reader expects PyBridge 1.4.4");
    }

    private static TensorDType Map(torch.ScalarType dtype, string source, string key) => dtype switch
    {
        torch.ScalarType.Float16 => TensorDType.Float16,
        torch.ScalarType.BFloat16 => TensorDType.BFloat16,
        torch.ScalarType.Float32 => TensorDType.Float32,
        torch.ScalarType.Float64 => TensorDType.Float64,
        torch.ScalarType.Int8 => TensorDType.Int8,
        torch.ScalarType.Byte => TensorDType.UInt8,
        torch.ScalarType.Int16 => TensorDType.Int16,
        torch.ScalarType.Int32 => TensorDType.Int32,
        torch.ScalarType.Int64 => TensorDType.Int64,
        torch.ScalarType.Bool => TensorDType.Bool,
        _ => throw InteropErrors.Bad(source,
            $"tensor '{key}' has the element type {dtype}; accepted are floating-point, integer and bool tensors"),
    };
}
