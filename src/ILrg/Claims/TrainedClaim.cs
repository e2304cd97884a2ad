using System.Diagnostics;
using System.Globalization;
using ILrg.Data;
using ILrg.Models;
using ILrg.Numerics;
using ILrg.Restoration.Registry;
using ILrg.Training;
using ILrg.Trials;

namespace ILrg.Claims;

/// <summary>
/// A trained-model claim (SPEC.md §9): each run trains the model from its own seed (base + k) with the paper's SGD
/// recipe, then attacks chosen checkpoints with iLRG in T trials each (the same batches at every checkpoint). A unit is
/// a whole run, so sharding never trains a model twice. Checks name the checkpoint as the method, e.g. ilrg@it1000.
/// </summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Title">Human description.</param>
/// <param name="Suite">quick, full or accelerator.</param>
/// <param name="TrainData">The training images.</param>
/// <param name="AttackData">Where attacked batches come from.</param>
/// <param name="Model">The model.</param>
/// <param name="Training">The recipe; its Seed is the base seed, its CheckpointEvery must divide every attacked
/// iteration.</param>
/// <param name="Checkpoints">The attacked checkpoints: a variant name and its iteration.</param>
/// <param name="BatchSize">N of the attacked batches.</param>
/// <param name="Runs">K.</param>
/// <param name="Trials">T per checkpoint and run.</param>
/// <param name="Checks">The judged figures (Method = "ilrg@" + variant).</param>
/// <param name="RunSeconds">Estimated seconds of one run (training and attacks; 2 quiet cores, CPU build).</param>
/// <param name="Note">How the setting differs from the paper's.</param>
/// <param name="Method">The restorer attacking the checkpoints (iLRG unless stated; checks then name it, e.g.
/// ilrg+@it1000).</param>
public sealed record TrainedClaim(
    string Id, string Title, string Suite, DatasetRequest TrainData, DatasetRequest AttackData, ModelSpec Model,
    TrainingOptions Training, IReadOnlyList<(string Variant, int Iteration)> Checkpoints, int BatchSize, int Runs,
    int Trials, IReadOnlyList<ClaimCheck> Checks, double RunSeconds, string? Note = null, string Method = "ilrg")
    : IClaim
{
    /// <inheritdoc />
    public ClaimPlan Plan => new(
        Id, Title, Suite, TrialFigures.Describe(AttackData), AttackData.Name == "synthetic",
        TrialFigures.ClassesOf(AttackData),
        BatchSize, Training.Seed, Runs, Trials, true, Checks, Runs * RunSeconds, Note);

    /// <inheritdoc />
    public IReadOnlyList<TrialRecord> Measure(int unit, ClaimContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _ = Plan.TrialsOf(unit);
        int run = unit;
        var clock = Stopwatch.StartNew();
        ulong seed = SeedStreams.RunSeed(Training.Seed, run);
        string folder = Path.Combine(
            Path.GetTempPath(),
            string.Create(CultureInfo.InvariantCulture, $"ilrg-{Id}-{seed}-{Environment.ProcessId}"));
        try
        {
            IReadOnlyList<TrainingCheckpoint> saved = Trainer.Train(
                Model, context.Open(TrainData), Training with { Seed = seed }, folder);
            IImageDataset attack = context.Open(AttackData);
            RestorerDescriptor ilrg = RestorerRegistry.Find(Method);
            var values = Enumerable.Range(0, Trials).Select(_ => new Dictionary<string, double>()).ToList();
            foreach (var (variant, iteration) in Checkpoints)
            {
                string path = saved.FirstOrDefault(c => c.Iteration == iteration)?.Path ?? throw new ArgumentException(
                    $"claim {Id}: no checkpoint at iteration {iteration} (every {Training.CheckpointEvery})");
                var spec = new ExperimentSpec(
                    AttackData, Model with { CheckpointPath = path }, BatchSize, Trials, seed, Device: context.Device);
                TrialPipeline.Validate(spec, attack);
                for (int t = 0; t < Trials; t++)
                {
                    TrialResult r = ExperimentRunner.RunTrial(spec, attack, context.SamplerFor(attack), ilrg, t);
                    TrialFigures.Add(values[t], Method + "@" + variant, r.Scores);
                    context.Step();
                }
            }

            double seconds = clock.Elapsed.TotalSeconds;
            return [.. values.Select((v, t) => new TrialRecord(Id, run, t, seed, v, null, t == 0 ? seconds : 0))];
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
