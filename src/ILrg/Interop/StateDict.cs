using System.Collections;
using System.Collections.Immutable;

namespace ILrg.Interop;

/// <summary>
/// A state dict as managed, immutable data: named tensors in order, with the file they came from and its format. No
/// native tensor is held, so nothing needs disposing.
/// </summary>
/// <remarks>
/// Order: for <c>torch.save</c> files the order in which PyTorch pickled the tensors (the model's order); for
/// <c>.npz</c> the archive order, which <c>numpy.savez</c> keeps from its arguments; for modules the module's order;
/// for safetensors the layout of the data, which the format's writer sorts by element type and name, so it is NOT the
/// model's order (<see cref="HasModelOrder"/> is false).
/// </remarks>
public sealed class StateDict : IReadOnlyList<StateTensor>
{
    private readonly ImmutableArray<StateTensor> _tensors;
    private readonly Dictionary<string, StateTensor> _byName;

    private StateDict(string source, StateDictFormat format, ImmutableArray<StateTensor> tensors,
        Dictionary<string, StateTensor> byName)
    {
        Source = source;
        Format = format;
        _tensors = tensors;
        _byName = byName;
    }

    /// <summary>The file it was read from (or a description for dicts built in memory); every error message names
    /// it.</summary>
    public string Source { get; }

    /// <summary>The format it was read from.</summary>
    public StateDictFormat Format { get; }

    /// <summary>True when the order is the model's (every format but safetensors; see the remarks).</summary>
    public bool HasModelOrder => Format != StateDictFormat.Safetensors;

    /// <summary>The keys, in order.</summary>
    public IEnumerable<string> Names => _tensors.Select(t => t.Name);

    /// <inheritdoc />
    public int Count => _tensors.Length;

    /// <inheritdoc />
    public StateTensor this[int index] => _tensors[index];

    /// <summary>The tensor named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such key; the message names the file and lists some keys it
    /// has.</exception>
    public StateTensor this[string name] => _byName.TryGetValue(name, out StateTensor? t)
        ? t
        : throw new KeyNotFoundException(
            $"{Source} has no tensor '{name}'; it holds {Count}: {NameList(Names, 12)}");

    /// <summary>Builds a state dict from tensors in order.</summary>
    /// <exception cref="InvalidDataException">Two tensors share a name, or there are more than
    /// <see cref="InteropLimits.MaxTensors"/>; the message names <paramref name="source"/>.</exception>
    public static StateDict Create(string source, StateDictFormat format, IEnumerable<StateTensor> tensors)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentNullException.ThrowIfNull(tensors);
        ImmutableArray<StateTensor> list = [.. tensors];
        if (list.Length > InteropLimits.MaxTensors)
        {
            throw InteropErrors.Bad(source,
                $"{list.Length} tensors; at most {InteropLimits.MaxTensors} are accepted");
        }

        var byName = new Dictionary<string, StateTensor>(StringComparer.Ordinal);
        foreach (StateTensor t in list)
        {
            ArgumentNullException.ThrowIfNull(t, nameof(tensors));
            if (!byName.TryAdd(t.Name, t))
            {
                throw InteropErrors.Bad(source, $"the key '{t.Name}' occurs twice");
            }
        }

        return new StateDict(source, format, list, byName);
    }

    /// <summary>True when <paramref name="name"/> is a key.</summary>
    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>The tensor named <paramref name="name"/>, if any.</summary>
    public bool TryGet(string name, out StateTensor tensor)
    {
        bool found = _byName.TryGetValue(name, out StateTensor? t);
        tensor = t!;
        return found;
    }

    /// <summary>Checks that the named tensors (all when none are named) hold only finite values.</summary>
    /// <param name="role">What the dict is to the caller ("gradient", "model state"), for the message.</param>
    /// <param name="names">The keys to check; null checks every tensor.</param>
    /// <exception cref="InvalidDataException">A NaN or an infinity; the message names the file, the key, the flat
    /// index and the value.</exception>
    public void RequireFinite(string role, IEnumerable<string>? names = null)
    {
        foreach (StateTensor t in names is null ? _tensors : names.Select(n => this[n]))
        {
            long at = t.IndexOfNonFinite();
            if (at >= 0)
            {
                double value = t.ToDoubles()[at];
                throw InteropErrors.Bad(Source,
                    $"the {role} '{t.Name}' ({t.ShapeText}) holds a non-finite value ({value}) at flat index {at}; " +
                    "it cannot be used for restoration");
            }
        }
    }

    /// <inheritdoc />
    public IEnumerator<StateTensor> GetEnumerator() => ((IEnumerable<StateTensor>)_tensors).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Up to <paramref name="max"/> names joined with commas, then how many more.</summary>
    internal static string NameList(IEnumerable<string> names, int max)
    {
        var list = names.ToList();
        string head = string.Join(", ", list.Take(max));
        return list.Count > max ? $"{head}, … ({list.Count - max} more)" : list.Count == 0 ? "(none)" : head;
    }
}
