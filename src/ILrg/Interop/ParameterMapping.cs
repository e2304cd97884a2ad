using System.Collections.Immutable;
using ILrg.Federated;
using TorchSharp;
using static TorchSharp.torch;

namespace ILrg.Interop;

/// <summary>
/// Maps the keys of a state dict written by other code (e.g. the paper's <c>fin.0</c>, <c>hiddens.0.0</c>, <c>fc</c>)
/// onto an ILrg model's parameter names by position and shape, and loads weights and gradients through the mapping.
/// </summary>
/// <remarks>
/// The i-th tensor of the file maps to the i-th entry of the module's state dict (parameters and buffers, in the
/// module's order); the counts must be equal and every pair must have the same shape, else nothing is mapped. The
/// file's order must be the model's (<see cref="StateDict.HasModelOrder"/>), so safetensors files are refused.
/// </remarks>
public static class ParameterMapping
{
    /// <summary>File key → module name, pairing the two in order and checking every shape.</summary>
    /// <exception cref="InvalidDataException">The counts differ, a pair's shapes differ (both names and shapes are in
    /// the message), or the file's order is not the model's.</exception>
    public static ImmutableDictionary<string, string> ByOrderAndShape(StateDict source, nn.Module target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var targets = target.state_dict().Select(kv => (kv.Key, Shape: kv.Value.shape)).ToList();
        if (!source.HasModelOrder)
        {
            throw new InvalidDataException(
                $"{source.Source}: a {source.Format} file does not keep the model's order, so its keys cannot be " +
                "mapped by position");
        }

        if (source.Count != targets.Count)
        {
            throw new InvalidDataException(
                $"{source.Source}: {source.Count} tensors, but the model has {targets.Count} " +
                $"({StateDict.NameList(targets.Select(t => t.Key), 20)})");
        }

        var map = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < targets.Count; i++)
        {
            StateTensor s = source[i];
            if (!s.Shape.SequenceEqual(targets[i].Shape))
            {
                throw new InvalidDataException(
                    $"{source.Source}: tensor {i}, '{s.Name}' ({s.ShapeText}), cannot map to the model's " +
                    $"'{targets[i].Key}' ({StateTensor.FormatShape(targets[i].Shape)})");
            }

            map.Add(s.Name, targets[i].Key);
        }

        return map.ToImmutable();
    }

    /// <summary>Copies the file's tensors into the module's parameters and buffers through
    /// <paramref name="map"/>.</summary>
    /// <exception cref="InvalidDataException">A mapped value is NaN or infinite.</exception>
    public static void LoadInto(StateDict source, nn.Module target, IReadOnlyDictionary<string, string> map)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(map);
        source.RequireFinite("weight", map.Keys);
        var destination = target.state_dict();
        using var noGrad = no_grad();
        foreach ((string from, string to) in map)
        {
            using var scope = NewDisposeScope();
            StateTensor s = source[from];
            Tensor into = destination[to];
            Tensor value = into.dtype == ScalarType.Float64
                ? tensor(s.ToDoubles(), [.. s.Shape], float64)
                : tensor(s.ToSingles(), [.. s.Shape], float32).to_type(into.dtype);
            into.copy_(value);
        }
    }

    /// <summary>A FedSGD update keyed by the module's names, from a gradient file keyed like the mapped
    /// state.</summary>
    /// <exception cref="InvalidDataException">A gradient's key is not in the mapping, its shape is not the mapped
    /// tensor's, or a value is NaN or infinite.</exception>
    public static ClientUpdate ToClientUpdate(
        StateDict gradients, IReadOnlyDictionary<string, string> map, StateDict mappedState, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(gradients);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(mappedState);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        StateDictMatching.Require(mappedState, gradients, UpdateKind.Gradients);
        gradients.RequireFinite("gradient");
        var byName = new Dictionary<string, ParameterGradient>(StringComparer.Ordinal);
        foreach (StateTensor g in gradients)
        {
            if (!map.TryGetValue(g.Name, out string? name))
            {
                throw new InvalidDataException($"{gradients.Source}: the gradient '{g.Name}' has no mapped parameter");
            }

            byName.Add(name, new ParameterGradient([.. g.Shape], g.ToSingles()));
        }

        return new ClientUpdate(batchSize, byName);
    }
}
