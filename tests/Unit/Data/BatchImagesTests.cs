using ILrg.Data;
using NUnit.Framework;
using static TorchSharp.torch;

namespace ILrg.Tests.Unit.Data;

public sealed class BatchImagesTests
{
    [TestCase(3)] // read in order on one thread
    [TestCase(200)] // read on every core
    public void Images_AreEachImageReadAlone_InBatchOrder(int count)
    {
        var data = SyntheticDataset.Cifar100Shaped(seed: 4);
        int[] indices = Enumerable.Range(0, count).Select(i => (i * 7919) % data.Count).ToArray();
        var batch = new Batch(data, indices, indices.Select(data.LabelOf).ToArray());

        using Tensor images = batch.Images(1, count - 1);
        float[] all = images.data<float>().ToArray();

        Assert.That(images.shape, Is.EqualTo(new long[] { count - 1, 3, 32, 32 }));
        var alone = new float[data.Shape.Size];
        for (int i = 1; i < count; i++)
        {
            data.ReadImage(indices[i], alone);
            Assert.That(all.AsSpan((i - 1) * alone.Length, alone.Length).SequenceEqual(alone), Is.True, $"image {i}");
        }
    }
}
