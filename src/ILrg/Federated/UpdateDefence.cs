using System.Globalization;

namespace ILrg.Federated;

/// <summary>A defence on the shared update and its strength (see <see cref="DefenceKind"/> for the units).</summary>
/// <param name="Kind">Which defence.</param>
/// <param name="Strength">σ, bound, p%, k, bits or p% by kind.</param>
public sealed record UpdateDefence(DefenceKind Kind = DefenceKind.None, double Strength = 0)
{
    /// <summary>No defence.</summary>
    public static UpdateDefence None { get; } = new();

    /// <summary>Checks the strength is valid for the kind (σ ≥ 0, bound &gt; 0, p ∈ [0, 100), k ≥ 1 whole, bits ∈
    /// 1…16 whole) and, when <paramref name="updateSize"/> is given, that k does not exceed it.</summary>
    /// <exception cref="ArgumentException">An invalid strength.</exception>
    public void Validate(long? updateSize = null)
    {
        double s = Strength;
        string? problem = Kind switch
        {
            DefenceKind.None => null,
            DefenceKind.Noise when !double.IsFinite(s) || s < 0 => $"noise σ must be a finite number ≥ 0, got {s}",
            DefenceKind.Clip when !double.IsFinite(s) || s <= 0
                => $"clip bound must be a positive finite number, got {s}",
            DefenceKind.Sparsify or DefenceKind.Soteria when !(s >= 0 && s < 100) =>
                $"{Name} percentage must be in [0, 100), got {s}",
            DefenceKind.TopK when !(s >= 1) || s != Math.Floor(s) || double.IsInfinity(s) =>
                $"top-k needs a whole k ≥ 1, got {s}",
            DefenceKind.TopK when updateSize is { } size && s > size =>
                $"top-k k = {s} exceeds the {size} entries of the shared update",
            DefenceKind.Quantise when !(s >= 1 && s <= 16) || s != Math.Floor(s) =>
                $"quantisation needs whole bits from 1 (sign) to 16, got {s}",
            _ => null,
        };
        if (problem is not null)
        {
            throw new ArgumentException(problem.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The command-line name of the kind (dp, clip, sparse, topk, quant, soteria, none).</summary>
    public string Name => NameOf(Kind);

    /// <summary>The command-line name of <paramref name="kind"/>.</summary>
    public static string NameOf(DefenceKind kind) => kind switch
    {
        DefenceKind.Noise => "dp",
        DefenceKind.Clip => "clip",
        DefenceKind.Sparsify => "sparse",
        DefenceKind.TopK => "topk",
        DefenceKind.Quantise => "quant",
        DefenceKind.Soteria => "soteria",
        _ => "none",
    };

    /// <summary>The kind of a command-line name.</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static DefenceKind Parse(string name) =>
        Enum.GetValues<DefenceKind>().FirstOrDefault(k => NameOf(k) == name?.ToLowerInvariant(), (DefenceKind)(-1)) is
        var kind && kind >= 0
            ? kind
            : throw new ArgumentException(
                $"unknown defence '{name}'; known: dp, clip, sparse, topk, quant, soteria, none");

    /// <summary>"none" or "dp 0.001" and the like.</summary>
    public string Describe() => Kind == DefenceKind.None
        ? "none"
        : string.Create(CultureInfo.InvariantCulture, $"{Name} {Strength:G4}");
}
