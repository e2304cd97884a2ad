namespace ILrg.Restoration.Plus;

/// <summary>The outcome of stage 3 of iLRG+ (<see cref="RayDecomposition"/>).</summary>
/// <param name="Labels">One label per ray found (the class of one sample each); N of them when complete.</param>
/// <param name="Pure">How many rays came from repeated columns (units private to one sample), the rest from the greedy
/// residual search.</param>
/// <param name="Flatness">Median over the pure rays of the normalised perplexity of the leak p_n[i]/(1 − p_n[y]),
/// i ≠ y: near 1 for a flat (untrained) softmax, far below 1 for a confident model; NaN without pure rays.</param>
/// <param name="Complete">True when N rays were found.</param>
public sealed record SampleRays(int[] Labels, int Pure, double Flatness, bool Complete);
