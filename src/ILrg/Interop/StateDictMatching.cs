namespace ILrg.Interop;

/// <summary>Checks that an update (gradients, weights after, or a weight delta) is keyed and shaped like the model
/// state.</summary>
/// <remarks>
/// The keys must be the same, except that a gradient file may omit what has no gradient: BatchNorm running statistics
/// (<c>*.running_mean</c>, <c>*.running_var</c>, <c>*.num_batches_tracked</c>) and non-floating-point tensors. Every
/// shared key must have the same shape.
/// </remarks>
public static class StateDictMatching
{
    private static readonly string[] BufferSuffixes = [".running_mean", ".running_var", ".num_batches_tracked"];

    /// <summary>Throws unless <paramref name="update"/> matches <paramref name="model"/>.</summary>
    /// <exception cref="InvalidDataException">Missing or extra keys (all named, up to 20 of each), or a shape that
    /// differs (the key and both shapes named); the message names both files.</exception>
    public static void Require(StateDict model, StateDict update, UpdateKind kind)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(update);
        var missing = model
            .Where(t => !update.Contains(t.Name) && !(kind == UpdateKind.Gradients && HasNoGradient(t)))
            .Select(t => t.Name)
            .ToList();
        var extra = update.Where(t => !model.Contains(t.Name)).Select(t => t.Name).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            throw new InvalidDataException(
                $"{update.Source}: its keys do not match the model state {model.Source}: " +
                $"missing (in the model, not in the update): {StateDict.NameList(missing, 20)}; " +
                $"extra (in the update, not in the model): {StateDict.NameList(extra, 20)}");
        }

        var differing = update
            .Where(u => !u.Shape.SequenceEqual(model[u.Name].Shape))
            .Select(u => $"'{u.Name}' is {model[u.Name].ShapeText} in the model state but {u.ShapeText} in the update")
            .ToList();
        if (differing.Count > 0)
        {
            throw new InvalidDataException(
                $"{update.Source}: shapes differ from the model state {model.Source}: " +
                string.Join("; ", differing.Take(10)) +
                (differing.Count > 10 ? $"; … ({differing.Count - 10} more)" : ""));
        }
    }

    private static bool HasNoGradient(StateTensor t) =>
        !t.DType.IsFloatingPoint() || BufferSuffixes.Any(s => t.Name.EndsWith(s, StringComparison.Ordinal));
}
