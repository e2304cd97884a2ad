using ILrg.Data;
using ILrg.Models;
using static TorchSharp.torch;

namespace ILrg.Federated;

/// <summary>
/// Soteria-style representation pruning (Sun et al., CVPR 2021; SPEC.md §7): the client ranks the embedding features
/// (the input of <c>fc</c>) by ‖h_j‖ / ‖∂h_j/∂x‖ over its batch and prunes the p% with the smallest ratio — the
/// features that move most with the input relative to their size — by zeroing their columns of the fc-weight update.
/// </summary>
/// <remarks>One backward pass per feature (d of them); features whose input gradient is zero are never
/// pruned.</remarks>
public static class SoteriaMask
{
    /// <summary>Which of the d features to prune (true = pruned); ⌊p·d/100⌋ of them, ties by lower index.</summary>
    public static bool[] Compute(Classifier model, Batch batch, ClientMode mode, double percent)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batch);
        new UpdateDefence(DefenceKind.Soteria, percent).Validate();
        int d = (int)model.EmbeddingSize;
        var ratio = new double[d];
        Client.SetMode(model, mode);
        using (var scope = NewDisposeScope())
        {
            Tensor images = batch.Images().requires_grad_(true);
            Tensor embedding = model.Embed(images);
            double[] magnitude = embedding.detach().to_type(ScalarType.Float64).pow(2).sum(dim: 0).sqrt()
                .data<double>().ToArray();
            for (int j = 0; j < d; j++)
            {
                using var inner = NewDisposeScope();
                Tensor g = autograd.grad([embedding[TensorIndex.Colon, j].sum()], [images], retain_graph: true,
                    allow_unused: true)[0];
                double sensitivity = g is null || g.IsInvalid ? 0 : g.to_type(ScalarType.Float64).norm().item<double>();
                ratio[j] = sensitivity > 0 ? magnitude[j] / sensitivity : double.PositiveInfinity;
            }
        }

        int count = (int)Math.Floor(percent * d / 100.0 + 1e-9);
        var pruned = new bool[d];
        foreach (int j in Enumerable.Range(0, d).OrderBy(j => ratio[j]).ThenBy(j => j).Take(count))
        {
            pruned[j] = true;
        }

        return pruned;
    }
}
