using ILrg.Data;
using ILrg.Inversion;
using ILrg.Models;

namespace ILrg.Experiments;

/// <summary>One gradient-inversion experiment: a batch, a fresh untrained model, an inverter and its settings.</summary>
/// <param name="Dataset">Which dataset.</param>
/// <param name="Model">Which model.</param>
/// <param name="BatchSize">N.</param>
/// <param name="Seed">Base seed (batch, model and inversion seeds are derived from it).</param>
/// <param name="Method">ig or dlg.</param>
/// <param name="Settings">The inverter's settings (its seed is replaced by one derived from <paramref name="Seed"/>).</param>
/// <param name="Distribution">Batch label distribution.</param>
/// <param name="ClassesInBatch">m for balanced / random2.</param>
/// <param name="Rgb32">Upscale a grey dataset to 3×32×32 (<see cref="Rgb32Dataset"/>).</param>
public sealed record InversionSpec(
    DatasetRequest Dataset,
    ModelSpec Model,
    int BatchSize,
    ulong Seed,
    string Method,
    InversionSettings Settings,
    BatchDistribution Distribution = BatchDistribution.Random,
    int? ClassesInBatch = null,
    bool Rgb32 = false);
