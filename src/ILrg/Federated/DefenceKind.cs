namespace ILrg.Federated;

/// <summary>A defence applied to the update the client shares (SPEC.md §7 and the deployed ones, issue 11).</summary>
public enum DefenceKind
{
    /// <summary>No defence.</summary>
    None,

    /// <summary>dp: add N(0, σ²) to every entry; strength σ ≥ 0.</summary>
    Noise,

    /// <summary>clip: scale the whole update by min(1, bound / (‖update‖ + 1e−6)); strength the bound &gt; 0.</summary>
    Clip,

    /// <summary>sparse: zero the p% smallest-magnitude entries of each tensor; strength p ∈ [0, 100).</summary>
    Sparsify,

    /// <summary>top-k: keep only the k largest-magnitude entries of the whole update; strength k ≥ 1.</summary>
    TopK,

    /// <summary>quant: per-tensor symmetric b-bit grid (b ≥ 2), or sign × mean |x| (b = 1); strength b ∈
    /// 1…16.</summary>
    Quantise,

    /// <summary>soteria: mask the fc-weight columns of the p% most input-sensitive embedding features; strength
    /// p.</summary>
    Soteria,
}
