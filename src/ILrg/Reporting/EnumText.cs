using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ILrg.Reporting;

/// <summary>
/// The text of an enum value, the same on the command line and in JSON reports: a value's
/// <see cref="JsonStringEnumMemberNameAttribute"/> where it has one, else its kebab-case name (LeakyRelu → leaky-relu).
/// </summary>
public static class EnumText
{
    /// <summary>Every value's text, in declaration order.</summary>
    public static IReadOnlyList<string> Names<T>()
        where T : struct, Enum => Cache<T>.Names;

    /// <summary>The text of <paramref name="value"/>.</summary>
    public static string Of<T>(T value)
        where T : struct, Enum => Cache<T>.Table.First(e => e.Value.Equals(value)).Text;

    /// <summary>The texts of the single-bit values set in a [Flags] <paramref name="value"/>, in declaration order.</summary>
    public static IReadOnlyList<string> FlagsOf<T>(T value)
        where T : struct, Enum
    {
        ulong bits = Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        return Cache<T>.Table
            .Where(e => Convert.ToUInt64(e.Value, System.Globalization.CultureInfo.InvariantCulture) is var v
                        && v != 0 && (v & (v - 1)) == 0 && (bits & v) == v)
            .Select(e => e.Text).ToArray();
    }

    /// <summary>The value whose text is <paramref name="text"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No value has that text; the message lists the valid ones.</exception>
    public static T Parse<T>(string text)
        where T : struct, Enum => TryParse(text, out T value)
        ? value
        : throw new ArgumentException($"unknown value '{text}'; expected one of: {string.Join(", ", Cache<T>.Names)}");

    /// <summary>Parses <paramref name="text"/> without throwing.</summary>
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        foreach (var (v, t) in Cache<T>.Table)
        {
            if (string.Equals(t, text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = v;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static class Cache<T>
        where T : struct, Enum
    {
        public static readonly (T Value, string Text)[] Table =
            Enum.GetValues<T>().Select(v => (v, TextOf(v))).ToArray();

        public static readonly string[] Names = Table.Select(e => e.Text).ToArray();

        private static string TextOf(T value)
        {
            string name = value.ToString();
            return typeof(T).GetField(name)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                   ?? JsonNamingPolicy.KebabCaseLower.ConvertName(name);
        }
    }
}
