using ILrg.Data;
using ILrg.Models;
using ILrg.Numerics;
using static TorchSharp.torch;

namespace ILrg.Federated;

/// <summary>
/// A client that trains with autograd (issue 11): FedSGD or FedAvg (<see cref="LocalTraining"/>), with label smoothing
/// and mixup (<see cref="LossVariant"/>) and DP-SGD (<see cref="DpSgdSettings"/>). FedSGD shares the gradient of the
/// batch-mean loss; FedAvg runs E epochs of shuffled local batches of heavy-ball SGD and shares θ_start − θ_end. Every
/// trainable parameter is shared. The model's weights are restored before returning, so the caller's (global) model
/// is unchanged. Deterministic for a seed on the CPU.
/// </summary>
public static class LocalTrainer
{
    /// <summary>Runs the client on <paramref name="batch"/>.</summary>
    /// <param name="model">The global model (its weights are restored afterwards).</param>
    /// <param name="batch">The client's data.</param>
    /// <param name="mode">Eval (reference) or train mode (BatchNorm batch statistics, Dropout).</param>
    /// <param name="federation">Protocol, loss and DP-SGD (the update defence is applied by the caller).</param>
    /// <param name="seed">Seeds the local batch order, the mixup draws and the DP-SGD noise.</param>
    /// <param name="beforeStep">Called with the step index before every FedAvg step, the model at that step's
    /// weights (an attacker simulating a client's trajectory reads them; the client's mode is restored after).</param>
    /// <exception cref="ArgumentException">Invalid settings, or DP-SGD on a train-mode model with
    /// BatchNorm.</exception>
    public static ClientUpdate Run(
        Classifier model, Batch batch, ClientMode mode, FederationSpec federation, ulong seed,
        Action<int>? beforeStep = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(federation);
        federation.Validate(batch.Size);
        if (federation.DpSgd is not null && mode == ClientMode.Train &&
            model.modules().Any(m => m is TorchSharp.Modules.BatchNorm2d or TorchSharp.Modules.BatchNorm1d))
        {
            throw new ArgumentException(
                "DP-SGD clips per-sample gradients, which train-mode BatchNorm mixes across samples; " +
                "use eval mode or " +
                "a model without BatchNorm");
        }

        LocalTraining local = federation.Local;
        int n = batch.Size;
        var rng = new DeterministicRandom(seed);
        using var noise = new Generator(rng.NextUInt64());
        Client.SetMode(model, mode);
        var named = model.named_parameters().Where(p => p.parameter.requires_grad).ToList();
        List<Tensor> parameters = named.Select(p => (Tensor)p.parameter).ToList();
        string[] names = named.Select(p => p.name).ToArray();
        using var outer = NewDisposeScope();
        Tensor[] start = parameters.Select(p => p.detach().clone()).ToArray();
        try
        {
            if (!local.IsFedAvg)
            {
                Tensor[] gradient = StepGradient(model, parameters, batch, federation, rng, noise);
                return Managed(names, gradient, n, SharedUpdateKind.Gradient);
            }

            Train(model, parameters, batch, federation, rng, noise, start, mode, beforeStep);
            Tensor[] delta = start.Zip(parameters, (a, p) => a - p.detach()).ToArray();
            return Managed(names, delta, n, SharedUpdateKind.ModelDelta);
        }
        finally
        {
            using (no_grad())
            {
                for (int i = 0; i < parameters.Count; i++)
                {
                    parameters[i].copy_(start[i]);
                }
            }
        }
    }

    /// <summary>The soft cross-entropy −(1/B)·Σ_n Σ_c t_n[c]·log softmax(z_n)[c].</summary>
    public static Tensor SoftCrossEntropy(Tensor logits, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(targets);
        return -(targets * nn.functional.log_softmax(logits, 1)).sum(1).mean();
    }

    private static void Train(
        Classifier model, List<Tensor> parameters, Batch batch, FederationSpec federation, DeterministicRandom rng,
        Generator noise, Tensor[] start, ClientMode mode, Action<int>? beforeStep)
    {
        LocalTraining local = federation.Local;
        int n = batch.Size, b = local.BatchFor(n);
        Tensor[]? velocity = local.Momentum > 0 ? start.Select(t => zeros_like(t)).ToArray() : null;
        int[] order = Enumerable.Range(0, n).ToArray();
        int stepIndex = 0;
        for (int epoch = 0; epoch < local.Epochs; epoch++)
        {
            rng.Shuffle<int>(order);
            for (int s = 0; s < n; s += b)
            {
                if (beforeStep is not null)
                {
                    beforeStep(stepIndex);
                    Client.SetMode(model, mode);
                }

                stepIndex++;
                using var step = NewDisposeScope();
                int[] picked = order[s..Math.Min(n, s + b)];
                var sub = new Batch(batch.Dataset, picked.Select(i => batch.Indices[i]).ToArray(),
                    picked.Select(i => batch.Labels[i]).ToArray());
                Tensor[] gradient = StepGradient(model, parameters, sub, federation, rng, noise);
                using (no_grad())
                {
                    for (int i = 0; i < parameters.Count; i++)
                    {
                        Tensor direction = gradient[i];
                        if (velocity is not null)
                        {
                            velocity[i].mul_(local.Momentum).add_(gradient[i]);
                            direction = velocity[i];
                        }

                        parameters[i].add_(direction, alpha: -local.LearningRate);
                    }
                }
            }
        }
    }

    private static Tensor[] StepGradient(
        Classifier model, List<Tensor> parameters, Batch step, FederationSpec federation, DeterministicRandom rng,
        Generator noise)
    {
        int m = step.Size;
        long classes = model.Classes;
        Tensor images = step.Images();
        Tensor targets = nn.functional.one_hot(step.LabelTensor(0, m), classes).to_type(ScalarType.Float32);
        double eps = federation.Loss.LabelSmoothing;
        if (eps > 0)
        {
            targets = targets * (1 - eps) + eps / classes;
        }

        if (federation.Loss.MixupAlpha is { } alpha)
        {
            double lambda = rng.NextBeta(alpha, alpha);
            int[] perm = Enumerable.Range(0, m).ToArray();
            rng.Shuffle<int>(perm);
            Tensor index = tensor(perm.Select(i => (long)i).ToArray(), ScalarType.Int64);
            images = images * lambda + images.index_select(0, index) * (1 - lambda);
            targets = targets * lambda + targets.index_select(0, index) * (1 - lambda);
        }

        if (federation.DpSgd is not { } dp)
        {
            Tensor loss = SoftCrossEntropy(model.forward(images), targets);
            return autograd.grad([loss], parameters).Select(g => g.detach()).ToArray();
        }

        Tensor[] sum = parameters.Select(p => zeros_like(p)).ToArray();
        for (int i = 0; i < m; i++)
        {
            using var sample = NewDisposeScope();
            Tensor loss = SoftCrossEntropy(model.forward(images.narrow(0, i, 1)), targets.narrow(0, i, 1));
            var g = autograd.grad([loss], parameters);
            double norm = Math.Sqrt(g.Sum(t => t.to_type(ScalarType.Float64).pow(2).sum().item<double>()));
            double factor = Math.Min(1.0, dp.ClipNorm / (norm + 1e-6));
            for (int j = 0; j < sum.Length; j++)
            {
                sum[j].add_(g[j].detach(), alpha: factor);
            }
        }

        double sigma = dp.NoiseMultiplier * dp.ClipNorm;
        for (int j = 0; j < sum.Length; j++)
        {
            if (sigma > 0)
            {
                sum[j].add_(randn(sum[j].shape, generator: noise), alpha: sigma);
            }

            sum[j].div_(m);
        }

        return sum;
    }

    private static ClientUpdate Managed(string[] names, Tensor[] values, int n, SharedUpdateKind kind)
    {
        var gradients = new Dictionary<string, ParameterGradient>();
        for (int i = 0; i < names.Length; i++)
        {
            using Tensor t = values[i].detach().contiguous().to_type(ScalarType.Float32);
            gradients[names[i]] = new ParameterGradient(t.shape.ToArray(), t.data<float>().ToArray());
        }

        return new ClientUpdate(n, gradients) { Kind = kind };
    }
}
