using ILrg.Restoration.Baselines;
using ILrg.Restoration.Federated;
using ILrg.Restoration.Plus;

namespace ILrg.Restoration.Registry;

/// <summary>
/// The one registry of label-restoration methods, each with what it needs (<see cref="RestorerInputs"/>). Every verb
/// (<c>run</c>, <c>compare</c>, <c>invert</c>, the claims) builds its restorers here, per trial, from a
/// <see cref="RestorerContext"/>.
/// </summary>
public static class RestorerRegistry
{
    private const RestorerInputs Obs = RestorerInputs.ObservationOnly;

    /// <summary>All methods, attacks first, then the bounds.</summary>
    public static IReadOnlyList<RestorerDescriptor> All { get; } =
    [
        new("ilrg", "iLRG, pinv + rounding (SPEC §2)", Obs, true, false, true, RestorerBound.None,
            ctx => new ILrgRestorer(new ILrgOptions(ILrgVariant.Full, ctx.Alpha))),
        new("ilrg-mip", "iLRG system, integer L1 solve with OR-Tools MIP", Obs, true, true, true, RestorerBound.None,
            ctx => new IntegerILrgRestorer(new ILrgOptions(ILrgVariant.Full, ctx.Alpha))),
        new("ilrg-simplified", "iLRG on the classes the full solve finds present", Obs, true, false, true,
            RestorerBound.None, ctx => new ILrgRestorer(new ILrgOptions(ILrgVariant.Simplified, ctx.Alpha))),
        new("ilrg-estimate", "iLRG with uniform class probabilities", Obs, true, false, true, RestorerBound.None,
            ctx => new ILrgRestorer(new ILrgOptions(ILrgVariant.Estimate, ctx.Alpha))),
        new("ilrg-estimate-mip", "iLRG with uniform class probabilities, integer L1 solve", Obs, true, true, true,
            RestorerBound.None, ctx => new IntegerILrgRestorer(new ILrgOptions(ILrgVariant.Estimate, ctx.Alpha))),
        new("ilrg+", "iLRG+: mean-embedding p̄, class unmixing, per-sample rays (issue 12)", Obs, true, false, true,
            RestorerBound.None, ctx => new ILrgPlusRestorer(new ILrgPlusOptions(ctx.Alpha))),
        new("ilrg+-mean", "iLRG+ stages 1–2 only (no sign assumption, no rays)", Obs, true, false, true,
            RestorerBound.None, ctx => new ILrgPlusRestorer(
                new ILrgPlusOptions(ctx.Alpha, EmbeddingSign.AnySign, UseRays: false), "ilrg+-mean")),
        new("idlg", "iDLG extended: negative row sum (class-wise)", Obs, false, false, true, RestorerBound.None,
            _ => new IdlgRestorer()),
        new("gi", "GI / Yin extended: negative row entry (class-wise)", Obs, false, false, true, RestorerBound.None,
            _ => new GiRestorer()),
        new("svd", "RLG / SVD (Dang et al.), perceptron + GLOP LP (class-wise)", RestorerInputs.Seed, false, false,
            true,
            RestorerBound.None, ctx => new SvdRestorer(ctx.Seed)),
        new("llg", "LLG (Wainakh et al.), greedy on row sums", Obs, true, true, true, RestorerBound.None,
            _ => new LlgRestorer()),
        new("llg+", "LLG+, impact calibrated on auxiliary images", RestorerInputs.AuxiliaryData, true, true, true,
            RestorerBound.None,
            ctx => new LlgRestorer(LlgVariant.Plus, LastLayerCalibrator.FromAuxiliary(ctx.Model!, ctx.Auxiliary!))),
        new("llg*", "LLG*, impact and offsets calibrated on auxiliary images", RestorerInputs.AuxiliaryData, true, true,
            true, RestorerBound.None,
            ctx => new LlgRestorer(LlgVariant.Star, LastLayerCalibrator.FromAuxiliary(ctx.Model!, ctx.Auxiliary!))),
        new("llg*-dummy", "LLG*, calibrated on dummy inputs (zeros, ones, noise)",
            RestorerInputs.Model | RestorerInputs.Seed, true, true, true, RestorerBound.None,
            ctx => new LlgRestorer(
                LlgVariant.Star, LastLayerCalibrator.FromDummy(ctx.Model!, ctx.InputShape!, ctx.Seed), "llg*-dummy")),
        new("ebi", "bias-corrected / EBI, greedy on g_b", Obs, true, true, true, RestorerBound.None,
            _ => new BiasCorrectedRestorer()),
        new("zero-shot", "Geng et al. zero-shot, dummy-input statistics", RestorerInputs.Model | RestorerInputs.Seed,
            true, true, true, RestorerBound.None,
            ctx => new ZeroShotRestorer(LastLayerCalibrator.FromDummy(ctx.Model!, ctx.InputShape!, ctx.Seed))),
        new("rlu", "RLU (Chen & Vikalo 2024), least squares with auxiliary confidences along the local trajectory",
            RestorerInputs.AuxiliaryData | RestorerInputs.LocalHyperParameters | RestorerInputs.Seed, true, false, true,
            RestorerBound.None,
            ctx => new RluRestorer(ctx.Model!, ctx.Auxiliary!, ctx.Local!, ctx.SharedUpdate, ctx.Seed)),
        new("ilrg-fedavg", "iLRG on the update rescaled to a mean gradient, W and b at mid-trajectory",
            RestorerInputs.LocalHyperParameters, true, false, true, RestorerBound.None,
            ctx => new RescaledRestorer(
                "ilrg-fedavg", new ILrgRestorer(new ILrgOptions(ILrgVariant.Full, ctx.Alpha)), ctx.Local!, true)),
        new("llg*-fedavg", "LLG* on the rescaled update, calibrated at the start and end of local training",
            RestorerInputs.AuxiliaryData | RestorerInputs.LocalHyperParameters, true, true, true, RestorerBound.None,
            ctx => new RescaledRestorer("llg*-fedavg", new LlgRestorer(LlgVariant.Star,
                TrajectoryCalibration.FromAuxiliary(ctx.Model!, ctx.Auxiliary!, ctx.SharedUpdate)), ctx.Local!, false)),
        new("oracle", "UPPER BOUND: the true counts", RestorerInputs.Truth, true, true, true, RestorerBound.Upper,
            ctx => new OracleRestorer(ctx.TrueCounts!.Value)),
        new("random", "LOWER BOUND: N uniform random labels", RestorerInputs.Seed, true, true, false,
            RestorerBound.Lower,
            ctx => new UniformRandomRestorer(ctx.Seed)),
    ];

    /// <summary>Every name.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(d => d.Name).ToArray();

    /// <summary>Names of the attacks that need nothing but the observation (and possibly a seed); bounds
    /// excluded.</summary>
    public static IReadOnlyList<string> ObservationOnlyNames { get; } =
        All.Where(d => d.Bound == RestorerBound.None
            && (d.Inputs & ~RestorerInputs.Seed) == RestorerInputs.ObservationOnly)
            .Select(d => d.Name).ToArray();

    /// <summary>The descriptor of <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static RestorerDescriptor Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))
               ?? throw new ArgumentException($"unknown method '{name}'; known: {string.Join(", ", Names)}",
                   nameof(name));
    }

    /// <summary>"all" or a comma-separated list of names → descriptors, in the order given (duplicates
    /// dropped).</summary>
    /// <exception cref="ArgumentException">An unknown name, or an empty list.</exception>
    public static IReadOnlyList<RestorerDescriptor> Select(string methods)
    {
        ArgumentNullException.ThrowIfNull(methods);
        if (methods.Trim().Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return All;
        }

        var chosen = methods.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Find).DistinctBy(d => d.Name).ToList();
        return chosen.Count > 0 ? chosen
            : throw new ArgumentException("no method named; use 'all' or a comma-separated list");
    }
}
