using System.Collections.Immutable;

namespace ILrg.Inversion;

/// <summary>The labels an inverter uses: a fixed list of N class indices, or a joint-optimisation mode.</summary>
/// <param name="Mode">How the labels are set.</param>
/// <param name="Fixed">The N class indices for the fixed modes; empty for the joint modes.</param>
public sealed record InversionLabels(LabelMode Mode, ImmutableArray<int> Fixed)
{
    /// <summary>True when the labels are optimised together with the images.</summary>
    public bool IsJoint => Mode is LabelMode.JointShared or LabelMode.JointPerImage;

    /// <summary>Fixed labels (ground truth or restored) in the given mode.</summary>
    /// <exception cref="ArgumentException">A joint mode, or an empty list.</exception>
    public static InversionLabels FixedTo(LabelMode mode, IEnumerable<int> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (mode is LabelMode.JointShared or LabelMode.JointPerImage)
        {
            throw new ArgumentException($"label mode {mode} is optimised jointly and takes no fixed labels",
                nameof(mode));
        }

        ImmutableArray<int> list = [.. labels];
        if (list.IsEmpty)
        {
            throw new ArgumentException("the fixed label list is empty (N must be at least 1)", nameof(labels));
        }

        return new InversionLabels(mode, list);
    }

    /// <summary>Labels optimised jointly with the images.</summary>
    /// <exception cref="ArgumentException">A fixed mode.</exception>
    public static InversionLabels Joint(LabelMode mode)
    {
        if (mode is not (LabelMode.JointShared or LabelMode.JointPerImage))
        {
            throw new ArgumentException($"label mode {mode} needs a fixed label list", nameof(mode));
        }

        return new InversionLabels(mode, []);
    }
}
