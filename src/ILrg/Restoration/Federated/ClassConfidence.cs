using ILrg.Data;
using ILrg.Models;
using static TorchSharp.torch;

namespace ILrg.Restoration.Federated;

/// <summary>
/// RLU's class-conditional confidences (Chen &amp; Vikalo 2024): P̄[i, j] = the mean softmax probability of class i
/// over auxiliary images of class j — the "erroneous confidence" for i ≠ j and the correct confidence for i = j —
/// from forward passes of the model in eval mode. The expectation is the plain average over the auxiliary images
/// (this project's Monte Carlo estimate; the paper samples a Gaussian fitted to the logits instead). A class without
/// auxiliary images gets the mean over all of them.
/// </summary>
public static class ClassConfidence
{
    /// <summary>Images per forward chunk.</summary>
    public const int ChunkSize = 256;

    /// <summary>P̄ as a row-major C×C array: entry [i·C + j] is class i's mean probability on class-j images.</summary>
    /// <exception cref="ArgumentException">The auxiliary batch is empty or its data set's classes differ from the
    /// model's.</exception>
    public static double[] Estimate(Classifier model, Batch auxiliary)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(auxiliary);
        int c = (int)model.Classes;
        if (auxiliary.Size < 1 || auxiliary.Dataset.Classes != c)
        {
            throw new ArgumentException(
                $"RLU needs auxiliary images of the model's {c} classes " +
                $"(got {auxiliary.Size} of {auxiliary.Dataset.Classes})");
        }

        var sums = new double[c * c];
        var counts = new int[c];
        var overall = new double[c];
        model.eval();
        using (no_grad())
        {
            for (int start = 0; start < auxiliary.Size; start += ChunkSize)
            {
                using var scope = NewDisposeScope();
                int count = Math.Min(ChunkSize, auxiliary.Size - start);
                Tensor p = nn.functional.softmax(model.forward(auxiliary.Images(start,
                    count)).to_type(ScalarType.Float64), 1);
                double[] probs = p.data<double>().ToArray();
                for (int r = 0; r < count; r++)
                {
                    int j = auxiliary.Labels[start + r];
                    counts[j]++;
                    for (int i = 0; i < c; i++)
                    {
                        sums[i * c + j] += probs[r * c + i];
                        overall[i] += probs[r * c + i];
                    }
                }
            }
        }

        for (int j = 0; j < c; j++)
        {
            for (int i = 0; i < c; i++)
            {
                sums[i * c + j] = counts[j] > 0 ? sums[i * c + j] / counts[j] : overall[i] / auxiliary.Size;
            }
        }

        return sums;
    }
}
