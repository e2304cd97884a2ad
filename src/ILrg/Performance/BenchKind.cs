namespace ILrg.Performance;

/// <summary>What one row of <c>ilrg bench</c> times.</summary>
public enum BenchKind
{
    /// <summary>Whole trials of the pipeline (sample, model, client, restore, metrics) through
    /// <see cref="Trials.ExperimentRunner"/>; the first of T ≥ 2 trials is a warm-up.</summary>
    Trials,

    /// <summary>The iLRG restoration step alone on a synthetic observation; one warm-up restoration, then K timed
    /// ones.</summary>
    Restoration,

    /// <summary>Iterations of a gradient inversion (Inverting Gradients); the first iteration, which also carries the
    /// inversion's set-up, is a warm-up, then K timed iterations.</summary>
    Inversion,
}
