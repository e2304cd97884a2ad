namespace ILrg.Federated;

/// <summary>An (ε, δ) guarantee from the <see cref="RdpAccountant"/> and the Rényi order α that gave it.</summary>
/// <param name="Epsilon">ε (infinity without noise).</param>
/// <param name="Delta">δ.</param>
/// <param name="Order">The optimal Rényi order α.</param>
public sealed record PrivacySpent(double Epsilon, double Delta, int Order);
