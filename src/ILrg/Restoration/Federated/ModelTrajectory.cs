using ILrg.Federated;
using ILrg.Models;
using static TorchSharp.torch;

namespace ILrg.Restoration.Federated;

/// <summary>
/// The attacker's simulation of the client's local trajectory (issue 11): the server knows θ_start (it sent it) and
/// the shared θ_start − θ_end, so it can place the model at θ_start − s·(θ_start − θ_end) for any s ∈ [0, 1] (s = 1 is
/// the client's trained model). Intermediate points are linear interpolations, a first-order stand-in for the unseen
/// intermediate models. Buffers (BatchNorm running statistics) stay at θ_start.
/// </summary>
public static class ModelTrajectory
{
    /// <summary>Moves <paramref name="model"/>'s shared parameters to point <paramref name="s"/>; disposing the
    /// result restores the original weights exactly.</summary>
    /// <exception cref="ArgumentException">The update is not a model delta, or a shape does not match.</exception>
    public static IDisposable MoveTo(Classifier model, ClientUpdate update, double s)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(update);
        if (update.Kind != SharedUpdateKind.ModelDelta)
        {
            throw new ArgumentException("only a FedAvg update (θ_start − θ_end) defines a local trajectory");
        }

        var moved = new List<(Tensor Parameter, Tensor Original)>();
        using (no_grad())
        {
            foreach (var (name, parameter) in model.named_parameters())
            {
                if (!update.Gradients.TryGetValue(name, out ParameterGradient? delta))
                {
                    continue;
                }

                if (!delta.Shape.SequenceEqual(parameter.shape))
                {
                    throw new ArgumentException(
                        $"the update's {name} has shape [{string.Join("×", delta.Shape)}], the model's " +
                        $"[{string.Join("×", parameter.shape)}]");
                }

                Tensor original = parameter.detach().clone();
                using Tensor d = tensor(delta.Values, delta.Shape).to_type(parameter.dtype);
                parameter.add_(d, alpha: -s);
                moved.Add((parameter, original));
            }
        }

        return new Restore(moved);
    }

    private sealed class Restore(List<(Tensor Parameter, Tensor Original)> moved) : IDisposable
    {
        public void Dispose()
        {
            using (no_grad())
            {
                foreach (var (parameter, original) in moved)
                {
                    parameter.copy_(original);
                    original.Dispose();
                }
            }

            moved.Clear();
        }
    }
}
