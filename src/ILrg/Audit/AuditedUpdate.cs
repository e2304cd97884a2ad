using ILrg.Interop;

namespace ILrg.Audit;

/// <summary>How an audited update was turned into the attacker's observation.</summary>
/// <param name="Kind">What the update file held.</param>
/// <param name="Approximated">True when g_W and g_b are derived from a FedAvg weight change (an approximation).
/// </param>
/// <param name="Derivation">A sentence saying how g_W and g_b were obtained.</param>
/// <param name="LocalLearningRate">FedAvg: the client's learning rate.</param>
/// <param name="LocalSteps">FedAvg: the SGD steps used for the chosen N.</param>
/// <param name="LocalBatchSize">FedAvg: the client's mini-batch size, when given.</param>
/// <param name="LocalEpochs">FedAvg: the client's epochs, when given.</param>
public sealed record AuditedUpdate(
    UpdateKind Kind,
    bool Approximated,
    string Derivation,
    double? LocalLearningRate,
    int? LocalSteps,
    int? LocalBatchSize,
    int? LocalEpochs);
