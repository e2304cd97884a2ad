using System.Collections.Immutable;
using ILrg.Data;
using ILrg.Federated;
using ILrg.Models;
using static TorchSharp.torch;

namespace ILrg.Restoration.Federated;

/// <summary>
/// RLU, "Recovering Labels from Local Updates in Federated Learning" (Chen &amp; Vikalo, ICML 2024; SPEC.md §3):
/// counts from the output-layer bias update by least squares, with the softmax statistics estimated on labelled
/// auxiliary data and, for several local steps, simulated along the client's local trajectory.
/// </summary>
/// <remarks>
/// Derivation (this project's, from the paper's idea). Step t of local training adds lr·ρ_t·g_t to the shared
/// θ_start − θ_end, with g_t[b_i] = (1/B)·Σ_{n∈t} (p_n[i] − y_n[i]). With E epochs of equal batches the label terms sum
/// to E·k_i/B, and grouping the softmax terms by true class, Σ_n p_n[i] ≈ Σ_j k_j·P̄_t[i, j] with P̄_t the class-
/// conditional confidences at the model of step t. Dividing the bias update by lr·Σ_t ρ_t (<see cref="UpdateScaling"/>)
/// gives ĝ_i ≈ (1/N)·Σ_j (P̄[i, j] − δ_ij)·k_j with P̄ the ρ-weighted mean of P̄_t. With Σ_j k_j = N this is a
/// (C+1)×C linear system, solved by least squares (the pseudoinverse, float64), clipped to [0, N] and rounded half
/// to even. For FedSGD P̄ is estimated on the auxiliary images at θ_start
/// (<see cref="ClassConfidence"/>). For FedAvg the server does not see the models between θ_start and θ_end (it knows
/// both: θ_end = θ_start − update). It estimates P̄ on a grid of models on the straight line between them
/// (<see cref="ModelTrajectory"/>), first with the steps equally spaced on it; then, as the paper refines its counts
/// against a simulation of local training, it simulates the client — a surrogate batch of auxiliary images in the
/// current counts trained from θ_start with the client's hyper-parameters — to place the steps where the simulated
/// training puts them, and re-solves, up to <see cref="RefinementRounds"/> times (until the counts settle).
/// Differences from the paper: the expectation is the average over the auxiliary images rather than over Gaussian
/// logit samples, and the trajectory is the straight line θ_start → θ_end with simulated step positions instead of
/// the paper's recursion on the logits alone.
/// </remarks>
/// <param name="model">The global model θ_start (moved along the trajectory and restored).</param>
/// <param name="auxiliary">Labelled auxiliary images (held out from the client).</param>
/// <param name="local">The client's local hyper-parameters.</param>
/// <param name="update">The shared update (for FedAvg: θ_end, the end of the trajectory).</param>
/// <param name="seed">Seeds the batch order of the simulated local training.</param>
public sealed partial class RluRestorer(
    Classifier model, Batch auxiliary, LocalTraining local, ClientUpdate? update, ulong seed = 0) : ILabelRestorer
{
    /// <summary>Refinements of the step positions from the current counts (the paper refines T = 5 times).</summary>
    public const int RefinementRounds = 5;

    /// <inheritdoc />
    public string Name => "rlu";

    /// <inheritdoc />
    public LabelRestoration Restore(LastLayerObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        int c = observation.Classes, n = observation.BatchSize;
        double scale = local.UpdateScale(n);
        double[] rhs = [n, .. Enumerable.Range(0, c).Select(i => n * observation.BiasGradient[i] / scale)];
        if (!local.IsFedAvg || update is null || update.Kind != SharedUpdateKind.ModelDelta)
        {
            return Solve(ClassConfidence.Estimate(model, auxiliary), rhs, c, n);
        }

        var trajectory = new Trajectory(model, auxiliary, update, local.StepWeights(n), c);
        LabelRestoration restored = Solve(trajectory.MeanConfidence(trajectory.UniformPositions()), rhs, c, n);
        for (int round = 0; round < RefinementRounds; round++)
        {
            double[] positions = SurrogatePositions(restored.CorrectedCounts.ToArray());
            LabelRestoration next = Solve(trajectory.MeanConfidence(positions), rhs, c, n);
            bool settled = next.CorrectedCounts.SequenceEqual(restored.CorrectedCounts);
            restored = next;
            if (settled)
            {
                break;
            }
        }

        return restored;
    }

    private LabelRestoration Solve(double[] confidence, double[] rhs, int c, int n)
    {
        var matrix = new double[(c + 1) * c];
        for (int j = 0; j < c; j++)
        {
            matrix[j] = 1;
        }

        for (int i = 0; i < c; i++)
        {
            for (int j = 0; j < c; j++)
            {
                matrix[(i + 1) * c + j] = confidence[i * c + j] - (i == j ? 1 : 0);
            }
        }

        using var scope = NewDisposeScope();
        NoISolution solution = PseudoinverseSolver.Solve(
            tensor(matrix, ScalarType.Float64).reshape(c + 1, c), tensor(rhs, ScalarType.Float64));
        // Least squares can overshoot a dominant class past N; RLU clips to [0, N] (iLRG's reference zeroes such a
        // count instead, SPEC §2 step 5, which would erase the class a non-IID batch is made of).
        double[] clipped = [.. solution.Values.Select(v => Math.Clamp(v, 0, n))];
        ImmutableArray<int> res = [.. clipped.Select(v => (int)Math.Round(v, MidpointRounding.ToEven))];
        ImmutableArray<int> corrected = CountPostProcessing.CorrectedCounts(clipped, res, n);
        double residual = 0, norm = 0;
        for (int i = 0; i < c; i++)
        {
            double synthesised = 0;
            for (int j = 0; j < c; j++)
            {
                synthesised += matrix[(i + 1) * c + j] * res[j];
            }

            residual += (synthesised - rhs[i + 1]) * (synthesised - rhs[i + 1]);
            norm += rhs[i + 1] * rhs[i + 1];
        }

        var diagnostics = new RestorationDiagnostics(
            [.. solution.Values], solution.Rank, solution.ConditionNumber, Math.Sqrt(residual),
            norm > 0 ? Math.Sqrt(residual / norm) : 0);
        return new LabelRestoration(Name, res, corrected, diagnostics, IsInstanceWise: true);
    }
}
