using System.Diagnostics;
using ILrg.Data;
using ILrg.Federated;
using ILrg.Metrics;
using ILrg.Reporting;
using ILrg.Restoration.Registry;
using static TorchSharp.torch;

namespace ILrg.Trials;

/// <summary>Runs a <see cref="DefenceSweepSpec"/>: per strength, the attack through <see cref="TrialPipeline"/> (with
/// the distortion measured) and the utility through <see cref="FedAvgSimulation"/>.</summary>
public static class DefenceSweepRunner
{
    /// <summary>Runs the sweep.</summary>
    /// <param name="spec">What to sweep.</param>
    /// <param name="open">Opens a dataset.</param>
    /// <param name="onRow">Called after each strength.</param>
    /// <exception cref="ArgumentException">Bad configuration, an unknown method or defence, an invalid
    /// value.</exception>
    public static DefenceSweepResult Run(
        DefenceSweepSpec spec, Func<DatasetRequest, IImageDataset> open, Action<DefenceSweepRow>? onRow = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(open);
        var started = DateTimeOffset.UtcNow;
        IReadOnlyList<RestorerDescriptor> methods = RestorerRegistry.Select(spec.Methods);
        FederationSpec baseFederation = spec.Attack.FederationOrDefault();
        var settings = spec.Values.Select(v => (Value: v, Federation: DefenceSweepSpec.Apply(baseFederation,
            spec.Defence, v)))
            .ToList(); // fail fast on a bad value
        IImageDataset data = open(spec.Attack.Dataset);
        var datasets = new List<IImageDataset> { data };
        var rows = new List<DefenceSweepRow>();
        foreach (var (value, federation) in settings)
        {
            ExperimentSpec attack = spec.Attack with { Federation = federation };
            DefenceSweepRow row = Attack(attack, data, methods, value, spec.Setting(value));
            var utility = new List<DefenceSweepRow.UtilityPoint>();
            if (spec.Utility is { } u)
            {
                foreach (UtilityTarget target in spec.UtilityTargets)
                {
                    var clock = Stopwatch.StartNew();
                    IImageDataset train = open(target.Train);
                    IImageDataset test = target.Test == target.Train ? train : open(target.Test);
                    datasets.AddRange(new[] { train, test }.Where(d => !datasets.Contains(d)));
                    double accuracy = FedAvgSimulation.TestAccuracy(target.Model, train, test, federation, u,
                        spec.Attack.Seed);
                    utility.Add(new DefenceSweepRow.UtilityPoint(target.Name, accuracy, clock.Elapsed.TotalSeconds));
                }
            }

            row = row with { Utility = utility };
            rows.Add(row);
            onRow?.Invoke(row);
        }

        return new DefenceSweepResult(
            RunManifest.Create("ilrg sweep", spec.Attack.Seed, spec, datasets, started), spec, rows);
    }

    private static DefenceSweepRow Attack(
        ExperimentSpec spec, IImageDataset data, IReadOnlyList<RestorerDescriptor> methods, double value,
            string setting)
    {
        TrialPipeline.Validate(spec, data);
        var sampler = new BatchSampler(data);
        var scores = methods.ToDictionary(m => m.Name, _ => new List<TrialLabelScores>());
        var cosines = new List<double>();
        PrivacySpent? privacy = null;
        for (int t = 0; t < spec.Trials; t++)
        {
            using var scope = NewDisposeScope();
            using PreparedTrial trial = TrialPipeline.Prepare(spec, data, sampler, t, measureDistortion: true);
            Batch? auxiliary = TrialPipeline.AuxiliaryFor(spec, data, trial, methods);
            foreach (RestorerDescriptor method in methods)
            {
                var (restoration, _) = TrialPipeline.Restore(spec, data, trial, method, auxiliary);
                scores[method.Name].Add(LabelMetrics.Score(trial.TrueCounts, restoration.Counts));
            }

            cosines.Add(trial.DefenceCosine ?? 1.0);
            privacy ??= trial.Privacy;
        }

        return new DefenceSweepRow(
            value, setting, methods.Select(m => new DefenceSweepRow.MethodScore(m.Name,
                LabelSummary.Of(scores[m.Name]))).ToList(),
            cosines.Average(), Interval.OfMean(cosines, floor: -1), privacy, []);
    }
}
