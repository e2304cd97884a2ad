using ILrg.Data;
using ILrg.Federated;
using ILrg.Models;

namespace ILrg.Inversion;

/// <summary>What the attacker inverts: the shared model, the client's whole-model update and the image
/// format.</summary>
/// <param name="Model">The model the client computed its gradient on (its parameters are not changed).</param>
/// <param name="Update">The whole-model gradients (<see cref="Client.FullGradient"/>); N is its batch size.</param>
/// <param name="Shape">Shape of one image.</param>
/// <param name="Normalisation">The normalisation the model's inputs use; it fixes the valid pixel box.</param>
/// <param name="Labels">How the dummy labels are set.</param>
/// <param name="Mode">The mode the client used (eval in the reference).</param>
public sealed record InversionProblem(
    Classifier Model,
    ClientUpdate Update,
    ImageShape Shape,
    Normalisation Normalisation,
    InversionLabels Labels,
    ClientMode Mode = ClientMode.Eval)
{
    /// <summary>Batch size N.</summary>
    public int BatchSize => Update.BatchSize;

    /// <summary>Checks that the labels, update and model agree.</summary>
    /// <exception cref="ArgumentException">The label list is not of length N, a label is out of range, or the update
    /// lacks a gradient of the model.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Model);
        ArgumentNullException.ThrowIfNull(Update);
        ArgumentNullException.ThrowIfNull(Shape);
        ArgumentNullException.ThrowIfNull(Normalisation);
        ArgumentNullException.ThrowIfNull(Labels);
        if (Update.BatchSize < 1)
        {
            throw new ArgumentException($"the update's batch size is {Update.BatchSize}; N must be at least 1");
        }

        if (!Labels.IsJoint)
        {
            if (Labels.Fixed.Length != Update.BatchSize)
            {
                throw new ArgumentException(
                    $"{Labels.Fixed.Length} fixed labels given for a batch of N = {Update.BatchSize}");
            }

            for (int i = 0; i < Labels.Fixed.Length; i++)
            {
                if (Labels.Fixed[i] < 0 || Labels.Fixed[i] >= Model.Classes)
                {
                    throw new ArgumentException(
                        $"label {Labels.Fixed[i]} at position {i} is outside [0, {Model.Classes})");
                }
            }
        }

        foreach (var (name, parameter) in Model.named_parameters())
        {
            ParameterGradient g = Update[name];
            if (!g.Shape.SequenceEqual(parameter.shape))
            {
                throw new ArgumentException(
                    $"gradient of '{name}' has shape [{string.Join("×", g.Shape)}], the model's parameter " +
                    $"[{string.Join("×", parameter.shape)}]");
            }
        }
    }
}
