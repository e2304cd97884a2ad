using System.Globalization;
using System.Text.RegularExpressions;
using ILrg.Audit;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Audit;

/// <summary>The verdict's default thresholds are the ones the committed calibration fitted (docs/audit-calibration.md),
/// not numbers typed in beside it.</summary>
public sealed class CalibrationDocumentTests
{
    [TestCase("min boundary distance", nameof(AuditThresholds.MinBoundaryDistance))]
    [TestCase("max relative N·g_b residual", nameof(AuditThresholds.MaxBiasResidual))]
    [TestCase("max softmax sum defect", nameof(AuditThresholds.MaxSumDefect))]
    public void Calibrated_Threshold_EqualsTheFittedValueInTheCalibrationDocument(string row, string property)
    {
        string document = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "audit-calibration.md"));
        Match match = Regex.Match(document, $@"^\| {Regex.Escape(row)} \| ([^|]+) \|$", RegexOptions.Multiline);
        Assert.That(match.Success, Is.True, $"row '{row}' in docs/audit-calibration.md");
        double documented = double.Parse(match.Groups[1].Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);

        double actual = (double)typeof(AuditThresholds).GetProperty(property)!.GetValue(AuditThresholds.Calibrated)!;

        Assert.That(actual, Is.EqualTo(documented));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ILrg.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no ILrg.sln above {AppContext.BaseDirectory}");
    }
}
