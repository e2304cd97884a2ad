namespace ILrg.Restoration;

/// <summary>
/// A label-restoration attack. Its only input is what the server sees (<see cref="LastLayerObservation"/>), so an
/// implementation cannot use ground-truth labels; methods that need more (e.g. auxiliary data) receive it through
/// their constructor.
/// </summary>
public interface ILabelRestorer
{
    /// <summary>The name used on the command line and in reports.</summary>
    string Name { get; }

    /// <summary>Restores per-class counts (or presence) from one observation.</summary>
    LabelRestoration Restore(LastLayerObservation observation);
}
