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
/// (C+1)×C linear system, solved by least squares (the pseudoinverse, float64) and rounded like iLRG
/// (<see cref="CountPostProcessing"/>). P̄_t is estimated on the auxiliary images (<see cref="ClassConfidence"/>) at up
/// to <see cref="TrajectoryPoints"/> models along the local trajectory (<see cref="ModelTrajectory"/>: the server
/// knows θ_start and θ_end); for FedSGD only at θ_start. Differences from the paper: the expectation is the average
/// over the auxiliary images rather than over Gaussian logit samples, and the intermediate models are linear
/// interpolations instead of the paper's recursive logit-shift simulation refined over T = 5 rounds.
/// </remarks>
/// <param name="model">The global model θ_start (moved along the trajectory and restored).</param>
/// <param name="auxiliary">Labelled auxiliary images (held out from the client).</param>
/// <param name="local">The client's local hyper-parameters.</param>
/// <param name="update">The shared update (needed for FedAvg to rebuild the trajectory).</param>
public sealed class RluRestorer(Classifier model, Batch auxiliary, LocalTraining local, ClientUpdate? update)
    : ILabelRestorer
{
    /// <summary>Most models along a FedAvg trajectory at which the confidences are estimated.</summary>
    public const int TrajectoryPoints = 8;

    /// <inheritdoc />
    public string Name => "rlu";

    /// <inheritdoc />
    public LabelRestoration Restore(LastLayerObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        int c = observation.Classes, n = observation.BatchSize;
        double[] confidence = MeanConfidence(n, c);
        double scale = local.UpdateScale(n);
        var matrix = new double[(c + 1) * c];
        var rhs = new double[c + 1];
        rhs[0] = n;
        for (int j = 0; j < c; j++)
        {
            matrix[j] = 1;
        }

        for (int i = 0; i < c; i++)
        {
            rhs[i + 1] = n * observation.BiasGradient[i] / scale;
            for (int j = 0; j < c; j++)
            {
                matrix[(i + 1) * c + j] = confidence[i * c + j] - (i == j ? 1 : 0);
            }
        }

        using var scope = NewDisposeScope();
        NoISolution solution = PseudoinverseSolver.Solve(
            tensor(matrix, ScalarType.Float64).reshape(c + 1, c), tensor(rhs, ScalarType.Float64));
        ImmutableArray<int> res = CountPostProcessing.Res(solution.Values, n);
        ImmutableArray<int> corrected = CountPostProcessing.CorrectedCounts(solution.Values, res, n);
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

    /// <summary>The ρ-weighted mean of the class-conditional confidences along the local trajectory.</summary>
    private double[] MeanConfidence(int n, int c)
    {
        if (!local.IsFedAvg || update is null || update.Kind != SharedUpdateKind.ModelDelta)
        {
            return ClassConfidence.Estimate(model, auxiliary);
        }

        double[] weights = local.StepWeights(n);
        int steps = weights.Length, points = Math.Min(steps, TrajectoryPoints);
        var mean = new double[c * c];
        double total = 0;
        for (int k = 0; k < points; k++)
        {
            int t = (int)Math.Floor((k + 0.5) * steps / points);
            double[] p;
            using (ModelTrajectory.MoveTo(model, update, (double)t / steps))
            {
                p = ClassConfidence.Estimate(model, auxiliary);
            }

            for (int i = 0; i < mean.Length; i++)
            {
                mean[i] += weights[t] * p[i];
            }

            total += weights[t];
        }

        for (int i = 0; i < mean.Length; i++)
        {
            mean[i] /= total;
        }

        return mean;
    }
}
