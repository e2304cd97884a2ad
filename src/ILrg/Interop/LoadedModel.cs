using System.Collections.Immutable;
using ILrg.Data;
using ILrg.Models;

namespace ILrg.Interop;

/// <summary>A model built for an audited state dict with its weights loaded (eval mode), and how the file's keys map
/// onto the model's names. Owns the model.</summary>
/// <param name="Model">The classifier; its embedding is the input of the final layer.</param>
/// <param name="InputShape">The input shape it was built for (dummy inputs, inversion).</param>
/// <param name="KeyMap">File key → the model's parameter or buffer name.</param>
public sealed record LoadedModel(Classifier Model, ImageShape InputShape, ImmutableDictionary<string, string> KeyMap)
    : IDisposable
{
    /// <inheritdoc />
    public void Dispose() => Model.Dispose();
}
