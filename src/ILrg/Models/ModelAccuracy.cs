using ILrg.Data;
using static TorchSharp.torch;

namespace ILrg.Models;

/// <summary>Top-1 accuracy of a classifier on images of a data set (eval mode, chunks of 256, no gradients).</summary>
public static class ModelAccuracy
{
    /// <summary>The fraction of <paramref name="indices"/> (all images when null) the model classifies correctly.</summary>
    /// <exception cref="ArgumentException">No images to score.</exception>
    public static double Of(Classifier model, IImageDataset data, IReadOnlyList<int>? indices = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        int[] chosen = indices?.ToArray() ?? Enumerable.Range(0, data.Count).ToArray();
        if (chosen.Length == 0)
        {
            throw new ArgumentException($"no images of {data.Name} to score");
        }

        var batch = new Batch(data, chosen, chosen.Select(data.LabelOf).ToArray());
        model.eval();
        long correct = 0;
        using (no_grad())
        {
            for (int start = 0; start < chosen.Length; start += 256)
            {
                using var scope = NewDisposeScope();
                int count = Math.Min(256, chosen.Length - start);
                correct += model.forward(batch.Images(start, count)).argmax(1).eq(batch.LabelTensor(start, count)).sum()
                    .item<long>();
            }
        }

        return (double)correct / chosen.Length;
    }
}
