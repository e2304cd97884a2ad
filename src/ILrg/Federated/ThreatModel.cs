using System.Globalization;

namespace ILrg.Federated;

/// <summary>
/// What an attacker knows in a trial (issue 11): the update it observes (a gradient, or Δθ), the batch size N, the
/// model it sent, the client's local hyper-parameters or not, and its auxiliary data (how many images, per class or
/// not, from where) or none. Every method's threat model is printed beside its score, so a method that uses auxiliary
/// data or hyper-parameters is never compared silently with one that uses none. The true labels are never part of it.
/// </summary>
/// <param name="Update">What is observed.</param>
/// <param name="KnowsBatchSize">N is known (the server sees it in FedSGD/FedAvg weighting).</param>
/// <param name="UsesModel">The method runs the model on inputs (beyond reading W and b).</param>
/// <param name="HyperParameters">The local hyper-parameters the method uses, or null.</param>
/// <param name="Auxiliary">The auxiliary data the method uses, or null.</param>
public sealed record ThreatModel(
    SharedUpdateKind Update, bool KnowsBatchSize, bool UsesModel, LocalTraining? HyperParameters,
        AuxiliaryData? Auxiliary)
{
    /// <summary>The threat model of a method that declares the given needs, in a federated setting.</summary>
    /// <param name="federation">The setting.</param>
    /// <param name="usesModel">The method runs the model on inputs.</param>
    /// <param name="usesHyperParameters">The method reads the local hyper-parameters.</param>
    /// <param name="usesAuxiliary">The method reads auxiliary images.</param>
    /// <param name="auxiliaryTotal">Images drawn when <see cref="FederationSpec.AuxiliaryPerClass"/> is not
    /// set.</param>
    /// <param name="auxiliarySource">Where the auxiliary images come from.</param>
    public static ThreatModel For(
        FederationSpec federation, bool usesModel, bool usesHyperParameters, bool usesAuxiliary, int auxiliaryTotal,
        string auxiliarySource)
    {
        ArgumentNullException.ThrowIfNull(federation);
        var kind = federation.Local.IsFedAvg ? SharedUpdateKind.ModelDelta : SharedUpdateKind.Gradient;
        AuxiliaryData? aux = usesAuxiliary
            ? new AuxiliaryData(federation.AuxiliaryPerClass,
                federation.AuxiliaryPerClass is null ? auxiliaryTotal : null,
                auxiliarySource)
            : null;
        return new ThreatModel(kind, true, usesModel || usesAuxiliary, usesHyperParameters ? federation.Local : null,
            aux);
    }

    /// <summary>One line: "Δθ, N, model, lr/E/B/μ, aux 100/class (held-out test images)".</summary>
    public string Describe()
    {
        var parts = new List<string> { Update == SharedUpdateKind.ModelDelta ? "Δθ" : "gradient" };
        if (KnowsBatchSize)
        {
            parts.Add("N");
        }

        if (UsesModel)
        {
            parts.Add("model");
        }

        if (HyperParameters is { } h)
        {
            string batch = h.LocalBatch?.ToString(CultureInfo.InvariantCulture) ?? "N";
            parts.Add(h.IsFedAvg
                ? string.Create(CultureInfo.InvariantCulture,
                    $"local lr/E/B/μ ({h.LearningRate}/{h.Epochs}/{batch}/{h.Momentum})")
                : "protocol (fedsgd)");
        }

        if (Auxiliary is { } a)
        {
            parts.Add(a.Describe());
        }

        return string.Join(", ", parts);
    }
}
