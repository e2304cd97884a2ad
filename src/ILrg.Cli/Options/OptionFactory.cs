using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ILrg.Reporting;

namespace ILrg.Cli.Options;

/// <summary>
/// Builds options whose values are parsed and range-checked by the parser itself, so a bad value (a word for a number,
/// 1.5 for a count, 2^31, an unknown name) is a one-line usage error naming the option, before any work starts.
/// </summary>
public static class OptionFactory
{
    /// <summary>An integer option in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static Option<int> WholeNumber(
        string name, string description, int minimum, int? defaultValue = null, int maximum = int.MaxValue)
    {
        var option = new Option<int>(name) { Description = description, Required = defaultValue is null };
        if (defaultValue is { } d)
        {
            option.DefaultValueFactory = _ => d;
        }

        option.CustomParser = result => ParseInt(result, name, minimum, maximum) ?? 0;
        return option;
    }

    /// <summary>An optional integer option in [<paramref name="minimum"/>, <paramref name="maximum"/>] (null when
    /// absent).</summary>
    public static Option<int?> OptionalInt(string name, string description, int minimum, int maximum = int.MaxValue) =>
        new(name) { Description = description, CustomParser = result => ParseInt(result, name, minimum, maximum) };

    /// <summary>A finite number in [<paramref name="minimum"/>, <paramref name="maximum"/>]; with
    /// <paramref name="exclusiveMinimum"/>, the minimum itself is refused.</summary>
    public static Option<double> Number(
        string name, string description, double defaultValue, double minimum, double maximum = double.MaxValue,
        bool exclusiveMinimum = false) => new(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result => ParseNumber(result, name, minimum, maximum, exclusiveMinimum) ?? defaultValue,
        };

    /// <summary>An optional finite number in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static Option<double?> OptionalNumber(
        string name, string description, double minimum, double maximum = double.MaxValue,
        bool exclusiveMinimum = false) =>
        new(name)
        {
            Description = description,
            CustomParser = result => ParseNumber(result, name, minimum, maximum, exclusiveMinimum),
        };

    /// <summary>A name from <paramref name="choices"/> (case-insensitive; the value is returned lower-case).</summary>
    public static Option<string> Choice(
        string name, string description, IReadOnlyList<string> choices, string? defaultValue, params string[] aliases)
    {
        var option = new Option<string>(name, aliases)
        {
            Description = $"{description} ({string.Join(" | ", choices)})",
            Required = defaultValue is null,
            CustomParser = result =>
            {
                string text = Token(result);
                if (choices.Contains(text, StringComparer.OrdinalIgnoreCase))
                {
                    return text.ToLowerInvariant();
                }

                result.AddError($"unknown value '{text}' for {name}; expected one of: {string.Join(", ", choices)}");
                return null;
            },
        };
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => defaultValue;
        }

        return option;
    }

    /// <summary>An enum option whose names are <see cref="EnumText"/>'s (the same as in the JSON reports); null when
    /// absent, so the caller applies <paramref name="defaultValue"/> (named in the help).</summary>
    public static Option<T?> Enum<T>(string name, string description, T defaultValue)
        where T : struct, System.Enum => new(name)
        {
            Description = $"{description} ({string.Join(" | ", EnumText.Names<T>())}) [default: " +
                          $"{EnumText.Of(defaultValue)}]",
            HelpName = name.TrimStart('-'),
            CustomParser = result =>
            {
                string text = Token(result);
                if (EnumText.TryParse(text, out T value))
                {
                    return value;
                }

                result.AddError($"unknown value '{text}' for {name}; expected one of: " +
                                $"{string.Join(", ", EnumText.Names<T>())}");
                return null;
            },
        };

    /// <summary>A value parsed by <paramref name="parse"/>, whose <see cref="ArgumentException"/> or
    /// <see cref="FormatException"/> becomes a usage error naming the option.</summary>
    public static Option<T> Parsed<T>(string name, string description, Func<string, T> parse, string? defaultText)
    {
        var option = new Option<T>(name)
        {
            Description = description,
            Required = defaultText is null,
            CustomParser = result => Reported(result, name, () => parse(Token(result)))!,
        };
        if (defaultText is not null)
        {
            option.DefaultValueFactory = _ => parse(defaultText);
        }

        return option;
    }

    /// <summary>A comma-separated list, each item parsed by <paramref name="parse"/>, duplicates dropped, never
    /// empty.</summary>
    public static Option<IReadOnlyList<T>> List<T>(string name, string description, Func<string, T> parse,
        string defaultText) =>
        Parsed<IReadOnlyList<T>>(name, description, text => SplitList(text, parse), defaultText);

    /// <summary>An optional comma-separated list (null when absent), each item parsed by <paramref name="parse"/>,
    /// duplicates dropped, never empty.</summary>
    public static Option<IReadOnlyList<T>?> OptionalList<T>(string name, string description, Func<string, T> parse) =>
        new(name)
        {
            Description = description,
            CustomParser = result => Reported<IReadOnlyList<T>>(result, name, () => SplitList(Token(result), parse)),
        };

    /// <summary>The --seed option.</summary>
    public static Option<ulong> Seed() => new("--seed")
    {
        Description = "Base seed (same seed, same counts)",
        DefaultValueFactory = _ => 0UL,
        CustomParser = result =>
        {
            string text = Token(result);
            if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value))
            {
                return value;
            }

            result.AddError($"--seed must be a whole number from 0 to {ulong.MaxValue}, got '{text}'");
            return 0;
        },
    };

    private static int? ParseInt(ArgumentResult result, string name, int minimum, int maximum)
    {
        string text = Token(result);
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
            && value >= minimum && value <= maximum)
        {
            return value;
        }

        string range = maximum == int.MaxValue ? $"at least {minimum}" : $"from {minimum} to {maximum}";
        result.AddError($"{name} must be a whole number {range}, got '{text}'");
        return null;
    }

    private static double? ParseNumber(ArgumentResult result, string name, double minimum, double maximum,
        bool exclusive)
    {
        string text = Token(result);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            && double.IsFinite(value)
            && (exclusive ? value > minimum : value >= minimum) && value <= maximum)
        {
            return value;
        }

        // No lower bound (double.MinValue) says nothing: "must be a finite number, got 'nan'".
        string low = minimum == double.MinValue ? string.Empty
            : exclusive ? $" above {minimum.ToString(CultureInfo.InvariantCulture)}"
            : $" at least {minimum.ToString(CultureInfo.InvariantCulture)}";
        string high = maximum == double.MaxValue ? string.Empty
            : $" and at most {maximum.ToString(CultureInfo.InvariantCulture)}";
        result.AddError($"{name} must be a finite number{low}{high}, got '{text}'");
        return null;
    }

    /// <summary>The value <paramref name="parse"/> returns, or a usage error naming the option for its
    /// <see cref="ArgumentException"/>, <see cref="FormatException"/> or <see cref="OverflowException"/>.</summary>
    private static T? Reported<T>(ArgumentResult result, string name, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            result.AddError($"{name}: {e.Message}");
            return default;
        }
    }

    private static List<T> SplitList<T>(string text, Func<string, T> parse)
    {
        var items = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(parse).Distinct().ToList();
        return items.Count > 0 ? items : throw new ArgumentException("names no value");
    }

    private static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[0].Value
        : string.Empty;
}
