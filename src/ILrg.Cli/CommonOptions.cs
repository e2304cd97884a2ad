using System.CommandLine;
using System.CommandLine.Parsing;

namespace ILrg.Cli;

/// <summary>Option factories shared by verbs.</summary>
public static class CommonOptions
{
    /// <summary>An int option that must be at least <paramref name="minimum"/>.</summary>
    public static Option<int> AtLeast(string name, string description, int minimum, int? defaultValue = null)
    {
        var option = new Option<int>(name) { Description = description, Required = defaultValue is null };
        if (defaultValue is { } d)
        {
            option.DefaultValueFactory = _ => d;
        }

        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < minimum)
            {
                result.AddError($"{name} must be at least {minimum}, got {result.GetValueOrDefault<int>()}");
            }
        });
        return option;
    }

    /// <summary>A string option restricted to <paramref name="choices"/>.</summary>
    public static Option<string> OneOf(string name, string description, IReadOnlyList<string> choices, string? defaultValue)
    {
        var option = new Option<string>(name)
        {
            Description = $"{description} ({string.Join(" | ", choices)})",
            Required = defaultValue is null,
        };
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => defaultValue;
        }

        option.Validators.Add(result =>
        {
            string? value = result.GetValueOrDefault<string>();
            if (value is not null && !choices.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                result.AddError($"unknown value '{value}' for {name}; expected one of: {string.Join(", ", choices)}");
            }
        });
        return option;
    }

    /// <summary>The --report option (JSON output path).</summary>
    public static Option<FileInfo?> Report() => new("--report") { Description = "Write the result as JSON to this path" };

    /// <summary>The --seed option.</summary>
    public static Option<ulong> Seed() => new("--seed") { Description = "Base seed (same seed, same counts)", DefaultValueFactory = _ => 0UL };
}
