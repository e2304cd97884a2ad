using System.Globalization;

namespace ILrg.Federated;

/// <summary>
/// The client's local hyper-parameters: the protocol and, for FedAvg, epochs, local batch, learning rate and momentum
/// (heavy-ball, as PyTorch's SGD: v ← μv + g, θ ← θ − lr·v). FedSGD ignores the FedAvg fields.
/// </summary>
/// <param name="Protocol">FedSGD (one gradient) or FedAvg (local SGD, Δθ shared).</param>
/// <param name="Epochs">Local epochs E ≥ 1 (FedAvg).</param>
/// <param name="LocalBatch">Local batch B (FedAvg); null = the whole batch (one step per epoch).</param>
/// <param name="LearningRate">Local learning rate (FedAvg), positive.</param>
/// <param name="Momentum">Heavy-ball momentum μ in [0, 1) (FedAvg).</param>
public sealed record LocalTraining(
    FederatedProtocol Protocol = FederatedProtocol.FedSgd,
    int Epochs = 1,
    int? LocalBatch = null,
    double LearningRate = 0.1,
    double Momentum = 0.0)
{
    /// <summary>The paper's client: one FedSGD gradient.</summary>
    public static LocalTraining FedSgd { get; } = new();

    /// <summary>True for FedAvg.</summary>
    public bool IsFedAvg => Protocol == FederatedProtocol.FedAvg;

    /// <summary>Images per local step for a batch of <paramref name="n"/> (N for FedSGD).</summary>
    public int BatchFor(int n) => IsFedAvg ? Math.Min(LocalBatch ?? n, n) : n;

    /// <summary>Local steps per epoch: ⌈N / B⌉ (1 for FedSGD).</summary>
    public int StepsPerEpoch(int n) => IsFedAvg ? (n + BatchFor(n) - 1) / BatchFor(n) : 1;

    /// <summary>Total local steps T (1 for FedSGD).</summary>
    public int Steps(int n) => IsFedAvg ? Epochs * StepsPerEpoch(n) : 1;

    /// <summary>
    /// The weight ρ_t with which step t's gradient enters θ_start − θ_end (divided by lr): with momentum μ,
    /// ρ_t = Σ_{j=0}^{T−1−t} μ^j (a gradient keeps acting through the velocity in every later step); 1 without.
    /// </summary>
    public double[] StepWeights(int n)
    {
        int steps = Steps(n);
        var weights = new double[steps];
        for (int t = 0; t < steps; t++)
        {
            double w = 0, power = 1;
            for (int j = 0; j < steps - t; j++)
            {
                w += power;
                power *= IsFedAvg ? Momentum : 0;
            }

            weights[t] = w;
        }

        return weights;
    }

    /// <summary>
    /// The factor that turns the shared update into the mean step gradient: lr·Σ_t ρ_t for FedAvg (so that
    /// update / scale is the ρ-weighted mean of the step gradients), 1 for FedSGD (the update is the gradient).
    /// </summary>
    public double UpdateScale(int n) => IsFedAvg ? LearningRate * StepWeights(n).Sum() : 1.0;

    /// <summary>Checks the settings can produce an update for a batch of <paramref name="n"/>.</summary>
    /// <exception cref="ArgumentException">Zero or negative learning rate, epochs or local batch; momentum outside
    /// [0, 1); a local batch larger than N.</exception>
    public void Validate(int n)
    {
        if (!IsFedAvg)
        {
            return;
        }

        if (!double.IsFinite(LearningRate) || LearningRate <= 0)
        {
            throw new ArgumentException(
                Text($"local learning rate must be a positive finite number, got {LearningRate}") +
                " (a zero rate leaves the model unchanged, so FedAvg has no update to share)");
        }

        if (Epochs < 1)
        {
            throw new ArgumentException(Text($"local epochs must be at least 1, got {Epochs}"));
        }

        if (LocalBatch is { } b && (b < 1 || b > n))
        {
            throw new ArgumentException(
                Text($"local batch must be from 1 to the client's batch size N = {n}, got {b}"));
        }

        if (!double.IsFinite(Momentum) || Momentum < 0 || Momentum >= 1)
        {
            throw new ArgumentException(Text($"momentum must be in [0, 1), got {Momentum}"));
        }
    }

    /// <summary>"fedsgd" or "fedavg E=…, B=…, lr=…, μ=…".</summary>
    public string Describe(int n) => IsFedAvg
        ? Text($"fedavg E={Epochs}, B={BatchFor(n)}, lr={LearningRate}, μ={Momentum} ({Steps(n)} steps)")
        : "fedsgd";

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
