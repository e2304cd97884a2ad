using System.CommandLine;
using ILrg.Audit;
using ILrg.Cli;
using ILrg.Testing;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Cli;

/// <summary>
/// Every numeric option of every verb, given a word, a fraction, an exponent, 2^31, −1 or nothing: either a one-line
/// usage error naming the option (exit 1, no stack trace) or a value the option accepts — never an exception.
/// </summary>
public sealed class NumericOptionTests
{
    private static readonly string[] Probes = ["abc", "1.5", "1e3", "2147483648", "-1", "", "NaN", "Infinity"];

    private static readonly Dictionary<string, string[]> Minimal = new()
    {
        ["run"] = ["--dataset", "synthetic", "--model", "fcn", "--batch-size", "2"],
        ["compare"] = ["--dataset", "synthetic", "--model", "fcn", "--batch-size", "2"],
        ["invert"] = ["--dataset", "synthetic", "--model", "fcn", "--batch-size", "2", "--out",
            "/tmp/ilrg-never-written"],
        ["train"] = ["--dataset", "synthetic", "--model", "fcn", "--iterations", "1", "--out",
            "/tmp/ilrg-never-written"],
        ["reproduce"] = [],
        ["sweep"] = ["--kind", "depth"],
        ["audit"] =
        [
            "--model-state", InteropFixtures.Interop("cnn", "model.pt"),
            "--after", InteropFixtures.Interop("cnn", "fedavg-after.pt"), "--local-lr", "0.05", "--local-steps", "3",
            "--batch-size", "24",
        ],
        ["curves"] = ["--kind", "depth"],
        ["bench"] = ["--rows", "fcn-mnist-24"],
    };

    private static IEnumerable<TestCaseData> Cases()
    {
        RootCommand root = CommandLine.Build(TextWriter.Null, TextWriter.Null);
        foreach (Command verb in root.Subcommands)
        {
            foreach (Option option in verb.Options.Where(IsNumeric))
            {
                foreach (string probe in Probes)
                {
                    yield return new TestCaseData(verb.Name, option.Name, probe)
                        .SetName($"{verb.Name} {option.Name} '{probe}'");
                }
            }
        }
    }

    private static bool IsNumeric(Option option) =>
        (Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType) is var t
        && (t == typeof(int) || t == typeof(double) || t == typeof(ulong) || t == typeof(BatchSizeRange));

    [TestCaseSource(nameof(Cases))]
    public void Parse_AnyValue_IsAUsageErrorOrAValidValue(string verb, string option, string probe)
    {
        string[] args = [verb,
            .. Minimal[verb].Where((a, i) => a != option && (i == 0 || Minimal[verb][i - 1] != option)),
            option, probe];
        ParseResult parsed = CommandLine.Build(TextWriter.Null, TextWriter.Null).Parse(args);

        if (parsed.Errors.Count > 0)
        {
            using var error = new StringWriter();
            int code = CommandLine.Run(args, TextWriter.Null, error);
            Assert.Multiple(() =>
            {
                Assert.That(code, Is.EqualTo(ExitCodes.UsageOrError));
                Assert.That(error.ToString().TrimEnd().Split('\n'), Has.Length.EqualTo(1));
                Assert.That(error.ToString(), Does.Not.Contain("   at "));
            });
        }
        else
        {
            Option target = parsed.CommandResult.Command.Options.Single(o => o.Name == option);
            var getValue = typeof(ParseResult).GetMethods()
                .Single(m => m.Name == nameof(ParseResult.GetValue) && m.IsGenericMethod &&
                             m.GetParameters()[0].ParameterType.IsGenericType &&
                             m.GetParameters()[0].ParameterType.GetGenericTypeDefinition() == typeof(Option<>))
                .MakeGenericMethod(target.ValueType);
            Assert.That(() => getValue.Invoke(parsed, [target]), Throws.Nothing);
        }
    }
}
