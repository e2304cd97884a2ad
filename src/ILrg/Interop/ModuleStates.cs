using TorchSharp;
using static TorchSharp.torch;

namespace ILrg.Interop;

/// <summary>Copies the state of a TorchSharp module into a managed <see cref="StateDict"/>.</summary>
public static class ModuleStates
{
    /// <summary>The module's parameters and buffers, in the module's order, as managed values.</summary>
    /// <param name="module">The module; it is neither changed nor disposed.</param>
    /// <param name="source">What the state is called in messages (a file, or e.g. "the fcn model").</param>
    /// <param name="format">How the state was obtained.</param>
    /// <exception cref="InvalidDataException">A tensor of an element type that has no
    /// <see cref="TensorDType"/>.</exception>
    public static StateDict ToStateDict(
        nn.Module module, string source, StateDictFormat format = StateDictFormat.InMemory)
    {
        ArgumentNullException.ThrowIfNull(module);
        var tensors = new List<StateTensor>();
        foreach (var (name, value) in module.state_dict())
        {
            using var scope = NewDisposeScope();
            Tensor t = value.detach().cpu().contiguous();
            long[] shape = t.shape;
            long count = t.numel();
            (TensorDType dtype, byte[] data) = t.dtype switch
            {
                ScalarType.Float32 => (TensorDType.Float32, Bytes(t.data<float>().ToArray())),
                ScalarType.Float64 => (TensorDType.Float64, Bytes(t.data<double>().ToArray())),
                ScalarType.Int64 => (TensorDType.Int64, Bytes(t.data<long>().ToArray())),
                ScalarType.Int32 => (TensorDType.Int32, Bytes(t.data<int>().ToArray())),
                ScalarType.Float16 or ScalarType.BFloat16 =>
                    (TensorDType.Float32, Bytes(t.to_type(ScalarType.Float32).data<float>().ToArray())),
                _ => throw InteropErrors.Bad(source, $"'{name}' has the element type {t.dtype}, which is not copied"),
            };
            tensors.Add(StateTensor.FromLittleEndian(name, dtype, shape, count, count, data));
        }

        return StateDict.Create(source, format, tensors);
    }

    private static byte[] Bytes<T>(T[] values)
        where T : unmanaged =>
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
}
