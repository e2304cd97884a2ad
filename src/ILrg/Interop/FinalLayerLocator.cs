namespace ILrg.Interop;

/// <summary>
/// Finds the final fully connected layer in a state dict, or checks the one the caller names.
/// </summary>
/// <remarks>
/// A candidate is a prefix P such that <c>P.weight</c> is a 2-D floating-point tensor (C×d) and <c>P.bias</c> a 1-D
/// floating-point tensor of length C. Found (no name given): the layer of the LAST 2-D floating-point tensor in
/// state-dict order, when that tensor is a candidate's weight. It is ambiguous, and an error listing the candidates,
/// when (1) there is no candidate; (2) the last 2-D tensor is not a candidate's weight (a bias-free final layer, or a
/// 2-D tensor after the classifier), so the order does not tell which layer is final; or (3) the dict's order is not
/// the model's (<see cref="StateDict.HasModelOrder"/> is false: safetensors) and there is more than one candidate.
/// A given name (<c>head.4</c>, or <c>head.4.weight</c>) must exist and be a candidate, or it is an error listing the
/// candidates.
/// </remarks>
public static class FinalLayerLocator
{
    private const string Weight = ".weight";
    private const string Bias = ".bias";

    /// <summary>The final layer of <paramref name="state"/>: <paramref name="name"/> when given, else the one
    /// found.</summary>
    /// <exception cref="InvalidDataException">No unambiguous final layer, or the named one is absent or not a
    /// 2-D weight with a matching 1-D bias; the message names the file and lists the candidates.</exception>
    public static FinalLayer Locate(StateDict state, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        IReadOnlyList<FinalLayer> candidates = Candidates(state);
        return string.IsNullOrWhiteSpace(name) ? Find(state, candidates) : Check(state, name.Trim(), candidates);
    }

    /// <summary>Every candidate final layer, in state-dict order of its weight.</summary>
    public static IReadOnlyList<FinalLayer> Candidates(StateDict state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var list = new List<FinalLayer>();
        foreach (StateTensor w in state)
        {
            if (w.Name.EndsWith(Weight, StringComparison.Ordinal) && IsPair(state, w, out StateTensor? b))
            {
                string prefix = w.Name[..^Weight.Length];
                list.Add(new FinalLayer(prefix, w.Name, b!.Name, (int)w.Shape[0], (int)w.Shape[1], false, ""));
            }
        }

        return list;
    }

    private static FinalLayer Find(StateDict state, IReadOnlyList<FinalLayer> candidates)
    {
        if (candidates.Count == 0)
        {
            throw InteropErrors.Bad(state.Source,
                "no final layer found: no 2-D weight 'P.weight' has a 1-D bias 'P.bias' of its output size; " +
                $"the 2-D tensors are: {StateDict.NameList(TwoD(state), 12)}");
        }

        StateTensor last = state.Last(t => t.Rank == 2 && t.DType.IsFloatingPoint());
        FinalLayer? chosen = candidates.FirstOrDefault(c => c.WeightKey == last.Name);
        if (chosen is null)
        {
            throw InteropErrors.Bad(state.Source,
                $"the final layer is ambiguous: the last 2-D tensor, '{last.Name}' ({last.ShapeText}), has no 1-D " +
                $"bias of its output size, so the order does not tell which layer is final; candidates: " +
                $"{List(candidates)}; name the final layer");
        }

        if (!state.HasModelOrder && candidates.Count > 1)
        {
            throw InteropErrors.Bad(state.Source,
                $"the final layer is ambiguous: a {state.Format} file keeps its tensors sorted by the writer, not in " +
                $"the model's order, and {candidates.Count} layers qualify: {List(candidates)}; name the final layer");
        }

        var others = candidates.Where(c => c != chosen).ToList();
        string rest = others.Count == 0
            ? "it is the only candidate"
            : $"the other candidate{(others.Count == 1 ? "" : "s")} come{(others.Count == 1 ? "s" : "")} earlier: " +
              List(others);
        return chosen with
        {
            Reason = $"final layer '{chosen.Name}' found: {chosen.WeightKey} " +
                     $"({chosen.Classes}×{chosen.EmbeddingSize}) is the last 2-D weight in state-dict order and " +
                     $"{chosen.BiasKey} a 1-D bias of the same output size ({chosen.Classes}); {rest}.",
        };
    }

    private static FinalLayer Check(StateDict state, string name, IReadOnlyList<FinalLayer> candidates)
    {
        string prefix = name.EndsWith(Weight, StringComparison.Ordinal) ? name[..^Weight.Length] : name;
        FinalLayer? match = candidates.FirstOrDefault(c => c.Name == prefix);
        if (match is null)
        {
            string why = !state.TryGet(prefix + Weight, out StateTensor w)
                ? $"there is no key '{prefix}{Weight}'"
                : !state.TryGet(prefix + Bias, out StateTensor b)
                    ? $"'{w.Name}' ({w.ShapeText}) has no bias '{prefix}{Bias}'"
                    : $"'{w.Name}' is {w.ShapeText} and '{b.Name}' is {b.ShapeText}, not a 2-D weight with a 1-D " +
                      "bias of its output size";
            throw InteropErrors.Bad(state.Source,
                $"the final layer '{name}' does not fit: {why}; candidates: {List(candidates)}");
        }

        return match with
        {
            WasGiven = true,
            Reason = $"final layer '{match.Name}' as given: {match.WeightKey} is " +
                     $"{match.Classes}×{match.EmbeddingSize} and {match.BiasKey} has {match.Classes} entries " +
                     $"(C = {match.Classes}, d = {match.EmbeddingSize}).",
        };
    }

    private static bool IsPair(StateDict state, StateTensor w, out StateTensor? bias)
    {
        bias = null;
        if (w.Rank != 2 || !w.DType.IsFloatingPoint() || w.Shape[0] < 1 || w.Shape[1] < 1
            || !state.TryGet(w.Name[..^Weight.Length] + Bias, out StateTensor b))
        {
            return false;
        }

        bias = b;
        return b.Rank == 1 && b.DType.IsFloatingPoint() && b.Shape[0] == w.Shape[0];
    }

    private static IEnumerable<string> TwoD(StateDict state) =>
        state.Where(t => t.Rank == 2).Select(t => $"{t.Name} ({t.ShapeText})");

    private static string List(IEnumerable<FinalLayer> layers)
    {
        string text = string.Join(", ", layers.Select(c => $"{c.Name} ({c.Classes}×{c.EmbeddingSize})"));
        return text.Length == 0 ? "(none)" : text;
    }
}
