namespace ILrg.Restoration.Baselines;

/// <summary>Which LLG estimator (Wainakh et al.).</summary>
public enum LlgVariant
{
    /// <summary>LLG: impact from the observation, m = (Σ negative row sums)·(1 + 1/C)/N; no offsets.</summary>
    Plain,

    /// <summary>LLG+: impact calibrated, m = −Ō/N; no offsets.</summary>
    Plus,

    /// <summary>LLG*: impact calibrated and each row sum corrected by its calibrated offset O_c.</summary>
    Star,
}
