using System.Globalization;
using ILrg.Metrics;

namespace ILrg.Claims;

/// <summary>The figures and counts of one trial as a <see cref="TrialRecord"/> stores them.</summary>
internal static class TrialFigures
{
    /// <summary>Adds every per-trial label metric of <paramref name="method"/> to <paramref name="values"/>.</summary>
    public static void Add(IDictionary<string, double> values, string method, TrialLabelScores s)
    {
        values[$"{method}:leAcc"] = s.LeAcc;
        values[$"{method}:lnAcc"] = s.LnAcc;
        values[$"{method}:iRec"] = s.IRec;
        values[$"{method}:exactBatchRate"] = s.ExactBatch ? 1 : 0;
        values[$"{method}:presentLnAcc"] = s.PresentLnAcc;
        values[$"{method}:countMae"] = s.CountMae;
    }

    /// <summary>The class count of the data a request names (MNIST and Fashion-MNIST 10, CIFAR-100 100, ImageNet 1000,
    /// synthetic its own).</summary>
    public static int ClassesOf(Data.DatasetRequest request) => request.Name switch
    {
        "mnist" or "fashion-mnist" => 10,
        "cifar100" => 100,
        "imagenet" => 1000,
        _ => request.Classes,
    };

    /// <summary>The data a request names, for plans and tables: "mnist", "fashion-mnist as 3×32×32", or "synthetic
    /// 3×32×32, 100 classes" for a stand-in.</summary>
    public static string Describe(Data.DatasetRequest request) => request switch
    {
        { Name: "synthetic" } => $"synthetic {request.Shape?.ToString() ?? "3x32x32"}, {request.Classes} classes",
        { Rgb32: true } => request.Name + " as 3×32×32",
        _ => request.Name,
    };

    /// <summary>Sparse "class:count" text of a count vector, e.g. "3:2 7:1".</summary>
    public static string Sparse(IReadOnlyList<int> counts) => string.Join(
        " ", Enumerable.Range(0, counts.Count).Where(c => counts[c] != 0)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c}:{counts[c]}")));
}
