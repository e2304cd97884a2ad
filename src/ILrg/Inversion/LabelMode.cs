using System.Text.Json.Serialization;

namespace ILrg.Inversion;

/// <summary>How the labels of the dummy batch are set during gradient inversion (SPEC.md §8).</summary>
public enum LabelMode
{
    /// <summary>Fixed to the ground-truth labels (an upper reference; the attacker cannot know them).</summary>
    [JsonStringEnumMemberName("gt")]
    GroundTruth,

    /// <summary>Fixed to iLRG's corrected counts (mod_res), expanded to a sorted label list.</summary>
    [JsonStringEnumMemberName("ilrg")]
    ILrg,

    /// <summary>Optimised jointly: one soft label shared by the whole batch (the reference's weak baseline).</summary>
    [JsonStringEnumMemberName("joint-shared")]
    JointShared,

    /// <summary>Optimised jointly: one soft label per image.</summary>
    [JsonStringEnumMemberName("joint-per-image")]
    JointPerImage,
}
