using ILrg.Data;

namespace ILrg.Claims;

/// <summary>A claim of the paper that a suite checks: what it measures, how, and the gate it must pass.</summary>
public interface IClaim
{
    /// <summary>Stable identifier (used in reports and goldens).</summary>
    string Id { get; }

    /// <summary>Human description.</summary>
    string Title { get; }

    /// <summary>Why the setting differs from the paper, if it does (e.g. a synthetic stand-in).</summary>
    string? Note { get; }

    /// <summary>Units of work, for progress bars (trials, or inversions).</summary>
    int Steps { get; }

    /// <summary>Measures the claim and judges it against its gates.</summary>
    /// <param name="open">Opens (or reuses) a dataset.</param>
    /// <param name="onStep">Called after each unit of work.</param>
    /// <param name="cancellation">Checked between units of work.</param>
    ClaimOutcome Run(
        Func<DatasetRequest, IImageDataset> open, Action? onStep = null, CancellationToken cancellation = default);
}
