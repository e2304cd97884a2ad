using System.Collections.Immutable;
using ILrg.Data;
using ILrg.Models;
using static TorchSharp.torch;

namespace ILrg.Interop;

/// <summary>
/// Loads a state dict read from a file into a model built by <see cref="ModelArchitectures"/>: by name when the keys
/// are the model's own (TorchVision's names, or a state saved from ILrg), otherwise by position and shape
/// (<see cref="ParameterMapping"/>; e.g. the paper's <c>fin.0</c>, <c>hiddens.0.0</c>, <c>fc</c> onto ILrg's FCN).
/// </summary>
public static class ModelStateLoader
{
    private const string Tracked = ".num_batches_tracked";
    private static readonly string[] Buffers = [".running_mean", ".running_var", Tracked];

    /// <summary>Builds <paramref name="architecture"/> for <paramref name="state"/> and loads the weights.</summary>
    /// <exception cref="ArgumentException">An unknown architecture, or one the state cannot describe.</exception>
    /// <exception cref="InvalidDataException">The state does not fit the architecture (missing, extra or differently
    /// shaped tensors, all named), or a value is NaN or infinite.</exception>
    public static LoadedModel Load(
        string architecture, StateDict state, FinalLayer finalLayer, ImageShape? inputShape = null)
    {
        (Classifier model, ImageShape shape) = ModelArchitectures.Build(architecture, state, finalLayer, inputShape);
        try
        {
            ImmutableDictionary<string, string> map = Map(state, model, architecture);
            ParameterMapping.LoadInto(state, model, map);
            model.eval();
            string fc = map.TryGetValue(finalLayer.WeightKey, out string? target) ? target : "?";
            string own = model.named_modules().First(m => ReferenceEquals(m.module, model.Fc)).name + ".weight";
            if (fc != own)
            {
                throw new InvalidDataException(
                    $"{state.Source}: its final layer {finalLayer.WeightKey} maps to '{fc}' of {architecture}, which " +
                    "is not the architecture's final Linear layer; check --final-layer and --arch");
            }

            return new LoadedModel(model, shape, map);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>File key → module name: by name when the keys are the module's (BatchNorm's
    /// <c>num_batches_tracked</c> may be absent on either side), else by position and shape.</summary>
    /// <exception cref="InvalidDataException">Neither fits; the message gives both reasons.</exception>
    public static ImmutableDictionary<string, string> Map(StateDict state, nn.Module model, string architecture)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(model);
        Dictionary<string, Tensor> targets = model.state_dict();
        var missing = targets.Keys.Where(k => !state.Contains(k) && !k.EndsWith(Tracked, StringComparison.Ordinal))
            .ToList();
        var extra = state.Names.Where(k => !targets.ContainsKey(k) && !k.EndsWith(Tracked, StringComparison.Ordinal))
            .ToList();
        if (missing.Count == 0 && extra.Count == 0)
        {
            var wrong = state.Where(t => targets.ContainsKey(t.Name) && !t.Shape.SequenceEqual(targets[t.Name].shape))
                .Select(t => $"'{t.Name}' is {t.ShapeText} in the file but " +
                             $"{StateTensor.FormatShape(targets[t.Name].shape)} in {architecture}")
                .ToList();
            if (wrong.Count > 0)
            {
                throw new InvalidDataException(
                    $"{state.Source} does not fit --arch {architecture}: " + string.Join("; ", wrong.Take(10)) +
                    (wrong.Count > 10 ? $"; … ({wrong.Count - 10} more)" : ""));
            }

            return state.Names.Where(targets.ContainsKey).ToImmutableDictionary(k => k, k => k, StringComparer.Ordinal);
        }

        try
        {
            return ParameterMapping.ByOrderAndShape(Comparable(state, targets), model);
        }
        catch (InvalidDataException byOrder)
        {
            throw new InvalidDataException(
                $"{state.Source} does not fit --arch {architecture}: by name, missing (in the architecture, not in " +
                $"the file): {StateDict.NameList(missing, 12)}; extra (in the file, not in the architecture): " +
                $"{StateDict.NameList(extra, 12)}; by position and shape: {byOrder.Message}", byOrder);
        }
    }

    /// <summary>The state in a TorchSharp module's order (every parameter, then every buffer; PyTorch interleaves
    /// them per layer), without BatchNorm step counters when the model has none.</summary>
    private static StateDict Comparable(StateDict state, Dictionary<string, Tensor> targets)
    {
        bool counters = targets.Keys.Any(k => k.EndsWith(Tracked, StringComparison.Ordinal));
        var kept = state.Where(t => counters || !t.Name.EndsWith(Tracked, StringComparison.Ordinal)).ToList();
        StateTensor[] ordered = [.. kept.Where(t => !IsBuffer(t)), .. kept.Where(IsBuffer)];
        return StateDict.Create(state.Source, state.Format, ordered);
    }

    private static bool IsBuffer(StateTensor t) =>
        Buffers.Any(s => t.Name.EndsWith(s, StringComparison.Ordinal));
}
