using System.Collections.Immutable;
using System.Globalization;

namespace ILrg.Federated;

/// <summary>
/// The client's training loss: cross-entropy with label smoothing ε (targets (1−ε)·y + ε/C, PyTorch's convention) and
/// optionally mixup (Zhang et al. 2018: one λ ~ Beta(α, α) per step, the step's images and targets mixed with a
/// random permutation of themselves).
/// </summary>
/// <param name="LabelSmoothing">ε in [0, 1).</param>
/// <param name="MixupAlpha">Mixup's α &gt; 0, or null for no mixup.</param>
/// <remarks>
/// What "restored" means then (issue 11): the expected label mass per class the loss trains on,
/// s_c = Σ_n target_n[c] = (1−ε)·k_c + ε·N/C. Mixup leaves it equal to the hard counts: with one λ per step and an
/// in-batch permutation, Σ_n λ·y_n + (1−λ)·y_π(n) = k; it changes the images (hence the gradient), not the label
/// mass.
/// </remarks>
public sealed record LossVariant(double LabelSmoothing = 0.0, double? MixupAlpha = null)
{
    /// <summary>Plain cross-entropy.</summary>
    public static LossVariant None { get; } = new();

    /// <summary>True when the loss differs from plain cross-entropy.</summary>
    public bool IsActive => LabelSmoothing > 0 || MixupAlpha is not null;

    /// <summary>The expected label mass per class, s_c = (1−ε)·k_c + ε·N/C (mixup leaves it unchanged).</summary>
    public ImmutableArray<double> ExpectedSoftCounts(IReadOnlyList<int> trueCounts)
    {
        ArgumentNullException.ThrowIfNull(trueCounts);
        int n = trueCounts.Sum();
        int c = trueCounts.Count;
        return [.. trueCounts.Select(k => (1 - LabelSmoothing) * k + LabelSmoothing * n / c)];
    }

    /// <summary>Checks ε ∈ [0, 1) and α &gt; 0.</summary>
    /// <exception cref="ArgumentException">A value out of range.</exception>
    public void Validate()
    {
        if (!double.IsFinite(LabelSmoothing) || LabelSmoothing < 0 || LabelSmoothing >= 1)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"label smoothing ε must be in [0, 1), got {LabelSmoothing}"));
        }

        if (MixupAlpha is { } a && (!double.IsFinite(a) || a <= 0))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"mixup α must be a positive finite number, got {a}"));
        }
    }
}
