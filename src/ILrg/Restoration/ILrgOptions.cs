namespace ILrg.Restoration;

/// <summary>Settings of the iLRG restorer.</summary>
/// <param name="Variant">Full, simplified or estimate system.</param>
/// <param name="Alpha">Softmax temperature factor α in P_i = softmax(α·(W ê_i + b)); 1 in the paper.</param>
/// <param name="PresentClasses">For <see cref="ILrgVariant.Simplified"/>: the classes known to be present. When null,
/// the restorer decides presence from the observation itself (positive counts of the full solve), so the attack
/// stays label-free.</param>
public sealed record ILrgOptions(
    ILrgVariant Variant = ILrgVariant.Full,
    double Alpha = 1.0,
    IReadOnlyList<int>? PresentClasses = null);
