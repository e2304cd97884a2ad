namespace ILrg.Trials;

/// <summary>Which model the trials of a run attack (SPEC.md §10, protocol).</summary>
public enum ModelProtocol
{
    /// <summary>ILrg's default: a freshly initialised model per trial, so a run's mean estimates the expectation over
    /// models.</summary>
    Trial,

    /// <summary>The paper's protocol: ONE model per run (from the run's seed) attacked in every trial, so a run's mean
    /// is one draw over models.</summary>
    Run,
}
