namespace ILrg.Inversion;

/// <summary>
/// A gradient-inversion attack: from the model and a client's whole-model update, reconstruct the client's images.
/// The problem carries no ground-truth images, so the result cannot depend on them.
/// </summary>
public interface IGradientInverter
{
    /// <summary>Name used on the command line and in reports ("ig", "dlg").</summary>
    string Name { get; }

    /// <summary>Reconstructs the batch.</summary>
    /// <param name="problem">Model, update, image format and label mode.</param>
    /// <param name="progress">Called every <see cref="InversionSettings.ProgressEvery"/> iterations.</param>
    InversionResult Invert(InversionProblem problem, Action<InversionProgress>? progress = null);
}
