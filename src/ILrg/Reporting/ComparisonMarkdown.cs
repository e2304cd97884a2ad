using System.Globalization;
using System.Text;
using ILrg.Metrics;
using ILrg.Restoration.Registry;
using ILrg.Trials;

namespace ILrg.Reporting;

/// <summary>The comparison as a markdown table (one row per method, mean and 95% interval per metric).</summary>
public static class ComparisonMarkdown
{
    /// <summary>Renders the table with a header naming the configuration.</summary>
    public static string Render(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        ExperimentSpec e = result.Config.Experiment;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"# Label restoration on identical updates: {DatasetText(result)}, {e.Model.Name}, N={e.BatchSize}");
        text.AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"{e.Trials} trials, seed {e.Seed}, ");
        text.Append(CultureInfo.InvariantCulture, $"{e.Distribution.ToString().ToLowerInvariant()} batches, ");
        text.Append(CultureInfo.InvariantCulture, $"{e.Mode.ToString().ToLowerInvariant()} mode. ");
        text.AppendLine("Every method restores from the same observation in each trial. Mean [95% CI] over trials; " +
                        "class-wise methods report 1 for a class judged present.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Client: {e.FederationOrDefault().Describe(e.BatchSize)}.");
        text.AppendLine();
        bool soft = result.Summaries.Any(m => m.SoftCountMae is not null);
        text.AppendLine("| method | kind | LeAcc | LnAcc | IRec | exact-batch rate | count MAE | ms / restore |" +
                        (soft ? " soft-count MAE |" : "") + " knows (threat model) |");
        text.AppendLine("|---|---|---|---|---|---|---|---|" + (soft ? "---|" : "") + "---|");
        foreach (MethodSummary m in result.Summaries)
        {
            LabelSummary s = m.Labels;
            text.Append(CultureInfo.InvariantCulture, $"| {m.Method} | {Kind(m)} | {Cell(s.LeAcc, s.LeAccCi)} | ");
            text.Append(CultureInfo.InvariantCulture, $"{Cell(s.LnAcc, s.LnAccCi)} | {Cell(s.IRec, s.IRecCi)} | ");
            text.Append(CultureInfo.InvariantCulture, $"{Cell(s.ExactBatchRate, s.ExactBatchRateCi)} | ");
            text.Append(CultureInfo.InvariantCulture, $"{Cell(s.CountMae, m.CountMaeCi)} | {m.MeanRestoreMs:F1} |");
            if (soft)
            {
                text.Append(m.SoftCountMae is { } v ? $" {Cell(v, m.SoftCountMaeCi!)} |" : " |");
            }

            text.AppendLine(CultureInfo.InvariantCulture, $" {Knowledge(result, m)} |");
        }

        return text.ToString();
    }

    /// <summary>The data set's name, marked when it is a synthetic stand-in.</summary>
    public static string DatasetText(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        DatasetInfo data = result.Manifest.Datasets[0];
        return data.Synthetic ? $"{data.Name} (SYNTHETIC stand-in)" : data.Name;
    }

    /// <summary>What the method knows in this comparison (its <see cref="Federated.ThreatModel"/>); the oracle is
    /// marked as knowing the truth.</summary>
    public static string Knowledge(ComparisonResult result, MethodSummary method)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(method);
        RestorerDescriptor descriptor = RestorerRegistry.Find(method.Method);
        string known = FederatedStages.ThreatModelOf(result.Config.Experiment, descriptor).Describe();
        return descriptor.Inputs.HasFlag(RestorerInputs.Truth) ? known + ", THE TRUE COUNTS" : known;
    }

    /// <summary>"counts", "presence", "UPPER BOUND" or "LOWER BOUND".</summary>
    public static string Kind(MethodSummary method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return method.Bound switch
        {
            RestorerBound.Upper => "UPPER BOUND",
            RestorerBound.Lower => "LOWER BOUND",
            _ => method.InstanceWise ? "counts" : "presence",
        };
    }

    /// <summary>"0.953 [0.930, 0.976]".</summary>
    public static string Cell(double mean, Interval ci)
    {
        ArgumentNullException.ThrowIfNull(ci);
        return string.Create(CultureInfo.InvariantCulture, $"{mean:F3} [{ci.Low:F3}, {ci.High:F3}]");
    }
}
