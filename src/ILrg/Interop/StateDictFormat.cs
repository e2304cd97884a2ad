namespace ILrg.Interop;

/// <summary>Where a <see cref="StateDict"/> came from; files are recognised by their bytes, not their
/// extension.</summary>
public enum StateDictFormat
{
    /// <summary>PyTorch's <c>torch.save</c> zip format (the default since PyTorch 1.6), read through
    /// TorchSharp.PyBridge.</summary>
    PyTorchZip,

    /// <summary>safetensors: an 8-byte little-endian header length, a JSON header, then the raw tensors.</summary>
    Safetensors,

    /// <summary>NumPy <c>.npz</c>: a zip of <c>.npy</c> arrays keyed like the state dict.</summary>
    NumpyNpz,

    /// <summary>An ILrg checkpoint (TorchSharp's module format), read through
    /// <see cref="ILrg.Models.Checkpoints"/>.</summary>
    IlrgCheckpoint,

    /// <summary>Built in memory (from arrays or a module), not read from a file.</summary>
    InMemory,
}
