using ILrg.Trials;

namespace ILrg.Reporting.Plots;

/// <summary>
/// The picture of a defence sweep (issue 11): privacy against utility. Over the defence's strength: each method's
/// attack success (IRec with its 95% interval), the distortion of the shared update (cosine to the undefended one)
/// and each utility target's test accuracy after simulated FedAvg under the defence — all on [0, 1].
/// </summary>
public static class DefenceSweepPlot
{
    /// <summary>Writes the PNG (through <see cref="Png"/>).</summary>
    public static void Save(DefenceSweepResult result, string path)
    {
        ArgumentNullException.ThrowIfNull(result);
        double[] xs = result.Rows.Select(r => r.Value).ToArray();
        var measured = new List<CurvePlot.Series>();
        foreach (string method in result.Rows[0].Methods.Select(m => m.Method))
        {
            var s = result.Rows.Select(r => r.Methods.First(m => m.Method == method).Labels).ToList();
            measured.Add(new CurvePlot.Series($"attack IRec, {method}", xs, s.Select(l => l.IRec).ToArray(),
                s.Select(l => l.IRecCi.Low).ToArray(), s.Select(l => l.IRecCi.High).ToArray()));
        }

        measured.Add(new CurvePlot.Series("update cosine to undefended", xs,
            result.Rows.Select(r => r.Cosine).ToArray()));
        foreach (string target in result.Rows[0].Utility.Select(u => u.Target))
        {
            measured.Add(new CurvePlot.Series($"utility: {target} test acc.", xs,
                result.Rows.Select(r => r.Utility.First(u => u.Target == target).TestAccuracy).ToArray()));
        }

        bool logX = xs.All(x => x > 0) && xs.Max() / xs.Min() >= 10;
        CurvePlot.Save(
            path, $"Defence '{result.Spec.Defence}': attack success vs cost", result.Spec.Unit,
                "IRec / cosine / accuracy",
            measured, [], logX);
        if (result.Rows[0].Utility.Count > 0)
        {
            SaveTradeoff(result, TradeoffPath(path));
        }
    }

    /// <summary>Where <see cref="Save"/> puts the privacy-against-utility picture: beside <paramref name="path"/>,
    /// named <c>NAME-tradeoff.png</c>.</summary>
    public static string TradeoffPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        return Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full) + "-tradeoff.png");
    }

    /// <summary>Privacy against utility: for each method and utility target, the attack's IRec (with its 95%
    /// interval) against the target's test accuracy, one point per strength, joined in order of strength.</summary>
    public static void SaveTradeoff(DefenceSweepResult result, string path)
    {
        ArgumentNullException.ThrowIfNull(result);
        var series = new List<CurvePlot.Series>();
        foreach (string target in result.Rows[0].Utility.Select(u => u.Target))
        {
            double[] accuracy = [.. result.Rows.Select(r => r.Utility.First(u => u.Target == target).TestAccuracy)];
            foreach (string method in result.Rows[0].Methods.Select(m => m.Method))
            {
                var s = result.Rows.Select(r => r.Methods.First(m => m.Method == method).Labels).ToList();
                series.Add(new CurvePlot.Series($"{method} on {target}", accuracy, [.. s.Select(l => l.IRec)],
                    [.. s.Select(l => l.IRecCi.Low)], [.. s.Select(l => l.IRecCi.High)]));
            }
        }

        CurvePlot.Save(
            path, $"Defence '{result.Spec.Defence}': privacy against utility ({result.Spec.Unit} "
                  + $"{string.Join(" → ", result.Rows.Select(r => r.Value))})",
            "utility: test accuracy after FedAvg under the defence", "attack IRec (label leakage)", series, []);
    }
}
