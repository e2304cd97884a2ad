using System.Globalization;

namespace ILrg.Federated;

/// <summary>
/// The federated setting of a trial (issue 11), the <c>Federation</c> part of an experiment: the client's protocol and
/// local hyper-parameters, its loss, DP-SGD, the defence on the shared update, Dirichlet non-IID batches, the
/// attacker's auxiliary data per class and whether the attacker knows the local hyper-parameters. The defaults are the
/// paper's setting (one FedSGD gradient, plain cross-entropy, no defence), under which every trial is exactly what it
/// was before these settings existed.
/// </summary>
public sealed record FederationSpec
{
    /// <summary>The paper's setting.</summary>
    public static FederationSpec Default { get; } = new();

    /// <summary>Protocol and local hyper-parameters.</summary>
    public LocalTraining Local { get; init; } = LocalTraining.FedSgd;

    /// <summary>The client's loss (label smoothing, mixup).</summary>
    public LossVariant Loss { get; init; } = LossVariant.None;

    /// <summary>DP-SGD during local training, or null.</summary>
    public DpSgdSettings? DpSgd { get; init; }

    /// <summary>The defence on the shared update.</summary>
    public UpdateDefence Defence { get; init; } = UpdateDefence.None;

    /// <summary>Dirichlet(α) concentration of the client's label distribution (non-IID), or null for the experiment's
    /// batch distribution.</summary>
    public double? DirichletAlpha { get; init; }

    /// <summary>The attacker's auxiliary images per class (balanced, held out from the client's batch), or null for the
    /// experiment's auxiliary size drawn uniformly.</summary>
    public int? AuxiliaryPerClass { get; init; }

    /// <summary>Whether the attacker (the server) knows the local hyper-parameters; methods that need them refuse to
    /// run when it does not.</summary>
    public bool HyperParametersKnown { get; init; } = true;

    /// <summary>True when the client must train with autograd (FedAvg, a loss variant or DP-SGD) instead of the
    /// closed-form FedSGD gradient.</summary>
    public bool NeedsAutogradClient => Local.IsFedAvg || Loss.IsActive || DpSgd is not null;

    /// <summary>True when a training-time defence (label smoothing, mixup, DP-SGD) is active.</summary>
    public bool HasTrainingDefence => Loss.IsActive || DpSgd is not null;

    /// <summary>This setting without its training-time defences (the reference a defence's distortion is measured
    /// against).</summary>
    public FederationSpec WithoutTrainingDefences() => this with { Loss = LossVariant.None, DpSgd = null };

    /// <summary>One line for reports: "fedavg E=1, B=10, lr=0.1, μ=0 (4 steps); label smoothing 0.1; defence dp
    /// 0.001".</summary>
    public string Describe(int n)
    {
        var parts = new List<string> { Local.Describe(n) };
        if (Loss.LabelSmoothing > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"label smoothing ε={Loss.LabelSmoothing}"));
        }

        if (Loss.MixupAlpha is { } a)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"mixup α={a}"));
        }

        if (DpSgd is { } dp)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture,
                $"DP-SGD clip {dp.ClipNorm}, noise multiplier {dp.NoiseMultiplier}"));
        }

        if (Defence.Kind != DefenceKind.None)
        {
            parts.Add("defence " + Defence.Describe());
        }

        if (DirichletAlpha is { } alpha)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"Dirichlet α={alpha} batches"));
        }

        if (!HyperParametersKnown)
        {
            parts.Add("hyper-parameters withheld from the attacker");
        }

        return string.Join("; ", parts);
    }

    /// <summary>Checks every part against a client batch of <paramref name="n"/> images.</summary>
    /// <exception cref="ArgumentException">The first invalid setting, named.</exception>
    public void Validate(int n)
    {
        Local.Validate(n);
        Loss.Validate();
        DpSgd?.Validate();
        Defence.Validate();
        if (DirichletAlpha is { } a && (!double.IsFinite(a) || a <= 0))
        {
            throw new ArgumentException($"Dirichlet α must be a positive finite number, got {a}");
        }

        if (AuxiliaryPerClass is < 1)
        {
            throw new ArgumentException($"auxiliary images per class must be at least 1, got {AuxiliaryPerClass}");
        }
    }
}
