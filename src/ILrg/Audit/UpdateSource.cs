using System.Globalization;
using ILrg.Interop;

namespace ILrg.Audit;

/// <summary>Where a client's update comes from and, for FedAvg, how the client trained.</summary>
/// <param name="Kind">FedSGD gradients, FedAvg weights after local training, or their change.</param>
/// <param name="Path">The file.</param>
/// <param name="LocalLearningRate">FedAvg: the client's SGD learning rate.</param>
/// <param name="LocalSteps">FedAvg: the client's number of SGD steps (null: from the local batch and epochs).</param>
/// <param name="LocalBatchSize">FedAvg: the client's mini-batch size, when known.</param>
/// <param name="LocalEpochs">FedAvg: the client's epochs over its N samples (with the local batch size).</param>
public sealed record UpdateSource(
    UpdateKind Kind,
    string Path,
    double? LocalLearningRate = null,
    int? LocalSteps = null,
    int? LocalBatchSize = null,
    int? LocalEpochs = null)
{
    /// <summary>True for FedAvg updates.</summary>
    public bool IsFedAvg => Kind != UpdateKind.Gradients;

    /// <summary>Checks that the settings fit the kind of update.</summary>
    /// <exception cref="ArgumentException">FedAvg without a positive learning rate or without steps (or a local batch
    /// size to derive them from), FedSGD with FedAvg settings, or a value below 1.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Path);
        bool anyLocal = LocalLearningRate is not null || LocalSteps is not null || LocalBatchSize is not null
                        || LocalEpochs is not null;
        if (!IsFedAvg)
        {
            if (anyLocal)
            {
                throw new ArgumentException("--local-lr, --local-steps, --local-batch and --local-epochs describe a " +
                                            "FedAvg client; they go with --after or --delta, not --gradients");
            }

            return;
        }

        if (LocalLearningRate is not { } lr || !double.IsFinite(lr) || lr <= 0)
        {
            throw new ArgumentException("--after and --delta need --local-lr, the client's SGD learning rate (> 0)");
        }

        if (LocalSteps is null && LocalBatchSize is null)
        {
            throw new ArgumentException(
                "--after and --delta need --local-steps (or --local-batch and --local-epochs to derive them)");
        }

        if (LocalSteps < 1 || LocalBatchSize < 1 || LocalEpochs < 1)
        {
            throw new ArgumentException("--local-steps, --local-batch and --local-epochs must be at least 1");
        }

        if (LocalEpochs is not null && LocalBatchSize is null)
        {
            throw new ArgumentException("--local-epochs needs --local-batch (steps = epochs × ⌈N / local batch⌉)");
        }
    }

    /// <summary>The client's SGD steps for <paramref name="batchSize"/> samples: <see cref="LocalSteps"/>, checked
    /// against the local batch and epochs when those are given, or derived from them (epochs × ⌈N / local
    /// batch⌉).</summary>
    /// <exception cref="ArgumentException">The given steps fit neither ⌈N / B⌉ nor ⌊N / B⌋ steps per epoch.
    /// </exception>
    public int StepsFor(int batchSize)
    {
        if (LocalBatchSize is not { } b)
        {
            return LocalSteps ?? throw new InvalidOperationException("a FedSGD update has no local steps");
        }

        int epochs = LocalEpochs ?? 1;
        int ceiling = epochs * (int)Math.Ceiling((double)batchSize / b);
        int floor = epochs * Math.Max(1, batchSize / b);
        if (LocalSteps is { } s && s != ceiling && s != floor)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"--local-steps {s} does not fit --local-batch {b} and {epochs} epoch(s) over N = {batchSize} " +
                $"samples ({ceiling} steps, or {floor} when the last partial batch is dropped)"));
        }

        return LocalSteps ?? ceiling;
    }
}
