using ILrg.Models;
using ILrg.Restoration;
using static TorchSharp.torch;

namespace ILrg.Federated;

/// <summary>Builds what the server sees (<see cref="LastLayerObservation"/>) from the model and a client update.</summary>
public static class AttackerView
{
    /// <summary>W and b from the model's <c>fc</c>; g_W and g_b from the update; N from the update.</summary>
    /// <exception cref="ArgumentException">The update's final-layer shapes do not match the model.</exception>
    public static LastLayerObservation Observe(Classifier model, ClientUpdate update)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(update);
        int c = (int)model.Classes;
        int d = (int)model.EmbeddingSize;
        ParameterGradient gw = update[ClientUpdate.FcWeight];
        ParameterGradient gb = update[ClientUpdate.FcBias];
        if (!gw.Shape.SequenceEqual(new long[] { c, d }) || !gb.Shape.SequenceEqual(new long[] { c }))
        {
            throw new ArgumentException(
                $"update shapes fc.weight [{string.Join("×", gw.Shape)}], fc.bias [{string.Join("×", gb.Shape)}] " +
                $"do not match the model's fc [{c}×{d}]");
        }

        return new LastLayerObservation(
            ToDoubles(model.Fc.weight!), ToDoubles(model.Fc.bias!), gw.ToDoubles(), gb.ToDoubles(), c, d, update.BatchSize);
    }

    private static double[] ToDoubles(Tensor t)
    {
        using Tensor d = t.detach().cpu().to_type(ScalarType.Float64).contiguous();
        return d.data<double>().ToArray();
    }
}
