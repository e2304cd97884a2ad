using ILrg.Data;
using ILrg.Federated;
using ILrg.Models;
using static TorchSharp.torch;

namespace ILrg.Restoration.Federated;

/// <summary>RLU's simulation of the unseen local trajectory (see <see cref="RluRestorer"/>).</summary>
public sealed partial class RluRestorer
{
    /// <summary>Models on the straight line θ_start → θ_end at which the confidences are estimated.</summary>
    public const int GridPoints = 9;

    /// <summary>
    /// The class-conditional confidences P̄(s) on a grid s = 0, 1/8, …, 1 of the line θ_start − s·(θ_start − θ_end)
    /// (interpolated linearly in between), and where the local steps lie on that line.
    /// </summary>
    private sealed class Trajectory
    {
        private readonly double[][] _grid;
        private readonly double[] _weights;
        private readonly int _classes;

        public Trajectory(Classifier model, Batch auxiliary, ClientUpdate update, double[] weights, int classes)
        {
            _weights = weights;
            _classes = classes;
            _grid = new double[GridPoints][];
            for (int g = 0; g < GridPoints; g++)
            {
                using (ModelTrajectory.MoveTo(model, update, (double)g / (GridPoints - 1)))
                {
                    _grid[g] = ClassConfidence.Estimate(model, auxiliary);
                }
            }
        }

        /// <summary>Step t at s = t/T: every step moves the model equally far.</summary>
        public double[] UniformPositions() =>
            Enumerable.Range(0, _weights.Length).Select(t => (double)t / _weights.Length).ToArray();

        /// <summary>The ρ-weighted mean of P̄ at the steps' positions.</summary>
        public double[] MeanConfidence(double[] positions)
        {
            var mean = new double[_classes * _classes];
            double total = 0;
            for (int t = 0; t < positions.Length; t++)
            {
                double x = Math.Clamp(positions[t], 0, 1) * (GridPoints - 1);
                int lower = Math.Min((int)Math.Floor(x), GridPoints - 2);
                double f = x - lower;
                for (int i = 0; i < mean.Length; i++)
                {
                    mean[i] += _weights[t] * ((1 - f) * _grid[lower][i] + f * _grid[lower + 1][i]);
                }

                total += _weights[t];
            }

            for (int i = 0; i < mean.Length; i++)
            {
                mean[i] /= total;
            }

            return mean;
        }
    }

    /// <summary>
    /// Where each local step lies between θ_start (0) and θ_end (1) when the client's batch has
    /// <paramref name="counts"/> per class: a surrogate client — auxiliary images in those counts (reused in turn when a
    /// class has fewer) — trains from θ_start with the client's hyper-parameters (eval mode, plain cross-entropy: what
    /// the server knows), and step t's position is the projection of its final-layer displacement onto the
    /// surrogate's total final-layer displacement. Early steps of a batch the model is learning move it further than
    /// late ones, which equal spacing misses.
    /// </summary>
    private double[] SurrogatePositions(int[] counts)
    {
        Batch surrogate = Surrogate(counts);
        var snapshots = new List<double[]>();
        var spec = new FederationSpec { Local = local };
        LocalTrainer.Run(model, surrogate, ClientMode.Eval, spec, seed, _ => snapshots.Add(FinalLayer(model)));
        ClientUpdate delta = LocalTrainer.Run(model, surrogate, ClientMode.Eval, spec, seed);
        double[] start = snapshots[0];
        double[] end = [.. start.Zip(
            delta[ClientUpdate.FcWeight].Values.Concat(delta[ClientUpdate.FcBias].Values), (a, d) => a - d)];
        double[] chord = [.. end.Zip(start, (e, s) => e - s)];
        double length = chord.Sum(v => v * v);
        return [.. snapshots.Select(p => length > 0 ? p.Zip(start, (x, s) => x - s).Zip(chord, (d, c) => d * c).Sum() / length : 0)];
    }

    private static double[] FinalLayer(Classifier model)
    {
        using var scope = NewDisposeScope();
        return [.. model.Fc.weight!.detach().to_type(ScalarType.Float64).flatten().data<double>(),
            .. model.Fc.bias!.detach().to_type(ScalarType.Float64).data<double>()];
    }

    /// <summary>A batch of auxiliary images with the given counts per class (a class without auxiliary images borrows
    /// any, so the surrogate keeps N images).</summary>
    private Batch Surrogate(int[] counts)
    {
        var indices = new List<int>();
        var labels = new List<int>();
        for (int c = 0; c < counts.Length; c++)
        {
            int[] pool = Enumerable.Range(0, auxiliary.Size).Where(i => auxiliary.Labels[i] == c).ToArray();
            pool = pool.Length > 0 ? pool : Enumerable.Range(0, auxiliary.Size).ToArray();
            for (int r = 0; r < counts[c]; r++)
            {
                indices.Add(auxiliary.Indices[pool[r % pool.Length]]);
                labels.Add(c);
            }
        }

        return new Batch(auxiliary.Dataset, indices, labels);
    }
}
