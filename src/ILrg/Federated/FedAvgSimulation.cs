using ILrg.Data;
using ILrg.Models;
using ILrg.Numerics;
using static TorchSharp.torch;

namespace ILrg.Federated;

/// <summary>
/// Trains a model by simulated FedAvg under a defence and scores it (<see cref="UtilitySettings"/>): the cost of a
/// defence in model quality (issue 11). Every client runs <see cref="LocalTrainer"/> with the defence's loss or DP-SGD
/// and the update defence is applied to what it shares (Soteria's mask from the client's first local batch), exactly as
/// in an attacked trial. Deterministic for a seed on the CPU.
/// </summary>
public static class FedAvgSimulation
{
    /// <summary>Test accuracy after training.</summary>
    /// <param name="model">The architecture (initialised from the seed).</param>
    /// <param name="train">Training images (the clients' shards).</param>
    /// <param name="test">Test images; when it is <paramref name="train"/> itself, the test images are held out of
    /// it.</param>
    /// <param name="federation">The defence: its loss, DP-SGD and update defence (its protocol is replaced by the
    /// settings' FedAvg).</param>
    /// <param name="settings">K, R, E, B, lr.</param>
    /// <param name="seed">Seeds the shards, the initial model and the clients.</param>
    /// <exception cref="ArgumentException">Too few training images for K × images per client.</exception>
    public static double TestAccuracy(
        ModelSpec model, IImageDataset train, IImageDataset test, FederationSpec federation, UtilitySettings settings,
        ulong seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(federation);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var rng = new DeterministicRandom(SeedStreams.ForRun(seed, SeedPurpose.UtilityTraining));
        int[] order = Enumerable.Range(0, train.Count).ToArray();
        rng.Shuffle<int>(order);
        bool heldOut = ReferenceEquals(train, test);
        int testCount = Math.Min(settings.TestImages, heldOut ? train.Count / 5 : test.Count);
        int[] testIndices = heldOut ? order[..testCount] : ShuffledPrefix(test.Count, testCount, rng);
        int[] pool = heldOut ? order[testCount..] : order;
        int need = settings.Clients * settings.ImagesPerClient;
        if (need > pool.Length)
        {
            throw new ArgumentException(
                $"utility training needs {need} training images " +
                $"({settings.Clients} clients × {settings.ImagesPerClient}) " +
                $"but {train.Name} has {pool.Length}");
        }

        FederationSpec client = federation with
        {
            Local = new LocalTraining(
                FederatedProtocol.FedAvg, settings.LocalEpochs, settings.LocalBatch, settings.LearningRate),
            DirichletAlpha = null,
        };
        using var generator = new Generator(rng.NextUInt64());
        using Classifier global = ModelZoo.Create(model, train.Shape, train.Classes, generator);
        var parameters = global.named_parameters().Where(p => p.parameter.requires_grad).ToList();
        for (int round = 0; round < settings.Rounds; round++)
        {
            var sums = parameters.ToDictionary(p => p.name, p => new double[p.parameter.numel()]);
            for (int k = 0; k < settings.Clients; k++)
            {
                using var scope = NewDisposeScope();
                int[] shard = pool[(k * settings.ImagesPerClient)..((k + 1) * settings.ImagesPerClient)];
                var batch = new Batch(train, shard, shard.Select(train.LabelOf).ToArray());
                ClientUpdate update = LocalTrainer.Run(global, batch, ClientMode.Train, client, rng.NextUInt64());
                update = Defend(global, batch, client, update, settings, rng.NextUInt64());
                foreach (var (name, sum) in sums)
                {
                    float[] v = update[name].Values;
                    for (int i = 0; i < v.Length; i++)
                    {
                        sum[i] += v[i];
                    }
                }
            }

            using (no_grad())
            {
                foreach (var (name, parameter) in parameters)
                {
                    using Tensor mean = tensor(sums[name],
                        parameter.shape).div(settings.Clients).to_type(parameter.dtype);
                    parameter.sub_(mean);
                }
            }
        }

        return ModelAccuracy.Of(global, test, testIndices);
    }

    private static ClientUpdate Defend(
        Classifier model, Batch batch, FederationSpec federation, ClientUpdate update, UtilitySettings settings,
            ulong seed)
    {
        UpdateDefence defence = federation.Defence;
        if (defence.Kind == DefenceKind.None)
        {
            return update;
        }

        bool[]? pruned = null;
        if (defence.Kind == DefenceKind.Soteria)
        {
            int b = Math.Min(settings.LocalBatch, batch.Size);
            var first = new Batch(batch.Dataset, batch.Indices.Take(b).ToArray(), batch.Labels.Take(b).ToArray());
            pruned = SoteriaMask.Compute(model, first, ClientMode.Train, defence.Strength);
        }

        return UpdateDefences.Apply(update, defence, seed, pruned);
    }

    private static int[] ShuffledPrefix(int count, int take, DeterministicRandom rng)
    {
        int[] all = Enumerable.Range(0, count).ToArray();
        rng.Shuffle<int>(all);
        return all[..take];
    }
}
