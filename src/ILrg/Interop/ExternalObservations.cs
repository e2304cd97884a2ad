using System.Globalization;
using ILrg.Restoration;

namespace ILrg.Interop;

/// <summary>Builds the attacker's <see cref="LastLayerObservation"/> from a model state and an update read from
/// files.</summary>
/// <remarks>
/// FedSGD (SPEC.md §1): g_W and g_b are the update's final-layer tensors, the batch-mean cross-entropy gradient.
/// FedAvg: the client ran <c>steps</c> SGD steps of rate <c>lr</c>, so θ_after − θ_before = −lr · Σ_s g_s, and the
/// averaged gradient (1/steps) Σ_s g_s = −Δθ / (lr · steps) exactly; it is taken as the gradient at θ_before, which is
/// exact for one full-batch step and an approximation otherwise, because the weights move between steps. W and b are
/// always the model state's (θ_before, what the server sent).
/// </remarks>
public static class ExternalObservations
{
    /// <summary>Builds the observation.</summary>
    /// <param name="modelState">The global model the client started from.</param>
    /// <param name="update">The client's update.</param>
    /// <param name="batchSize">N: the batch size (FedSGD) or the number of samples the client trained on
    /// (FedAvg).</param>
    /// <param name="finalLayer">The final layer's name, or null to find it (<see cref="FinalLayerLocator"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is below 1.</exception>
    /// <exception cref="InvalidDataException">The keys or shapes do not match, no unambiguous final layer, a NaN or
    /// infinity in the final layer's weights or update, or an update whose final layer is all zero.</exception>
    /// <exception cref="ILrg.Numerics.NonFiniteInputException">−Δθ / (lr · steps) overflows (a learning rate so small
    /// that the derived gradient is infinite).</exception>
    public static ExternalObservation Build(StateDict modelState, ExternalUpdate update, int batchSize,
        string? finalLayer = null)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(update);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        StateDict values = update.Values;
        StateDictMatching.Require(modelState, values, update.Kind);
        FinalLayer layer = FinalLayerLocator.Locate(modelState, finalLayer);
        string[] keys = [layer.WeightKey, layer.BiasKey];
        modelState.RequireFinite("model weight", keys);
        values.RequireFinite(update.Kind == UpdateKind.Gradients ? "gradient" : "updated weight", keys);
        double[] w = modelState[layer.WeightKey].ToDoubles();
        double[] b = modelState[layer.BiasKey].ToDoubles();
        double[] uW = values[layer.WeightKey].ToDoubles();
        double[] uB = values[layer.BiasKey].ToDoubles();
        if (update.Kind == UpdateKind.WeightsAfter)
        {
            Subtract(uW, w);
            Subtract(uB, b);
        }

        if (uW.All(v => v == 0) && uB.All(v => v == 0))
        {
            string what = update.Kind == UpdateKind.Gradients
                ? "gradient is all zero"
                : "weights did not move (Δθ is all zero)";
            throw new InvalidDataException(
                $"{values.Source}: the final layer's {what} ({layer.WeightKey}, {layer.BiasKey}); a zero update " +
                "carries no label information");
        }

        string derivation = $"FedSGD: g_W and g_b are the update's {layer.WeightKey} and {layer.BiasKey}, the " +
                            $"batch-mean cross-entropy gradient (SPEC.md §1), N = {batchSize}.";
        if (update.IsFedAvg)
        {
            double lr = update.LocalLearningRate!.Value;
            int steps = update.LocalSteps!.Value;
            Scale(uW, -1.0 / (lr * steps));
            Scale(uB, -1.0 / (lr * steps));
            derivation = FedAvgDerivation(update.Kind, layer, lr, steps, batchSize);
        }

        int c = layer.Classes;
        int d = layer.EmbeddingSize;
        var observation = new LastLayerObservation(w, b, uW, uB, c, d, batchSize);
        return new ExternalObservation(observation, layer, update.Kind, update.IsFedAvg, derivation);
    }

    private static string FedAvgDerivation(UpdateKind kind, FinalLayer layer, double lr, int steps, int batchSize)
    {
        string delta = kind == UpdateKind.WeightsAfter ? "θ_after − θ_before" : "the given Δθ";
        return string.Create(CultureInfo.InvariantCulture,
            $"FedAvg, approximated: g_W and g_b are −Δθ / (lr · steps) of the final layer {layer.Name}, with Δθ = " +
            $"{delta}, lr = {lr:G6} and steps = {steps}: the client's average gradient over its local steps, taken " +
            $"as the gradient at the global weights. Exact for one full-batch step; approximate otherwise, since the " +
            $"weights move between steps. N = {batchSize} samples.");
    }

    private static void Scale(double[] values, double factor)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] *= factor;
        }
    }

    private static void Subtract(double[] after, double[] before)
    {
        for (int i = 0; i < after.Length; i++)
        {
            after[i] -= before[i];
        }
    }
}
