namespace ILrg.Interop;

/// <summary>The one shape of error every reader raises: an <see cref="InvalidDataException"/> that names the
/// file.</summary>
/// <remarks>Messages are formatted with the invariant culture (the library sets InvariantGlobalization).</remarks>
internal static class InteropErrors
{
    /// <summary>The formats accepted, for messages about unknown files.</summary>
    public const string Accepted = "accepted are PyTorch torch.save zip files (.pt/.pth, PyTorch 1.6 or later), " +
                                   "safetensors, NumPy .npz and ILrg checkpoints";

    public static InvalidDataException Bad(string source, string message) => new($"{source}: {message}");

    public static InvalidDataException Bad(string source, string message, Exception inner) =>
        new($"{source}: {message}", inner);
}
