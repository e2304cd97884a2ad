using ILrg.Data;
using ILrg.Models;
using NUnit.Framework;
using static TorchSharp.torch;

namespace ILrg.Tests.Unit.Models;

/// <summary>Checkpoints carry a checksum and the model description, both verified on load (issue 9).</summary>
public sealed class CheckpointTests
{
    private static readonly ImageShape Shape = new(1, 4, 4);
    private string _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("ilrg-ckpt-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private static Classifier Fcn(ulong seed, int width = 5, Activation activation = Activation.Relu)
    {
        using var generator = new Generator(seed);
        return new Fcn(Shape.Size, 3, 1, width, activation, generator);
    }

    private string Saved(ulong seed = 1)
    {
        string path = Path.Combine(_dir, "model.pt");
        using Classifier model = Fcn(seed);
        Checkpoints.Save(model, Shape, path);
        return path;
    }

    private static float[] Weights(Classifier model) => model.Fc.weight!.data<float>().ToArray();

    [Test]
    public void LoadInto_SavedCheckpoint_RestoresTheExactWeights()
    {
        using Classifier original = Fcn(1);
        string path = Path.Combine(_dir, "model.pt");
        Checkpoints.Save(original, Shape, path);

        using Classifier loaded = Checkpoints.LoadInto(Fcn(2), Shape, path);

        Assert.That(Weights(loaded), Is.EqualTo(Weights(original)));
    }

    [Test]
    public void Save_Finished_LeavesNoTemporaryFile()
    {
        Saved();

        Assert.That(Directory.GetFiles(_dir).Select(Path.GetFileName), Is.EqualTo(new[] { "model.pt" }));
    }

    [Test]
    public void LoadInto_FlippedWeightByte_RejectedByTheChecksum()
    {
        string path = Saved();
        byte[] bytes = File.ReadAllBytes(path);
        bytes[^5] ^= 0x10; // inside fc.bias, the last tensor
        File.WriteAllBytes(path, bytes);

        Assert.That(() => Checkpoints.LoadInto(Fcn(2), Shape, path),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains(path).And.Message.Contains("checksum"));
    }

    [Test]
    public void LoadInto_OtherActivation_RejectedNamingBothModels()
    {
        string path = Saved();

        Assert.That(() => Checkpoints.LoadInto(Fcn(2, activation: Activation.Silu), Shape, path),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("ReLU").And.Message.Contains("SiLU")
                .And.Message.Contains("saved for fcn"));
    }

    [Test]
    public void LoadInto_SameWeightsOtherInputShape_RejectedNamingBothShapes()
    {
        string path = Saved(); // FCN for 1x4x4: 16 inputs, as a 4x2x2 model has
        var other = new ImageShape(4, 2, 2);

        Assert.That(() => Checkpoints.LoadInto(Fcn(2), other, path),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("1x4x4").And.Message.Contains("4x2x2"));
    }

    [Test]
    public void LoadInto_OtherWidth_RejectedNamingBothEmbeddings()
    {
        string path = Saved();

        Assert.That(() => Checkpoints.LoadInto(Fcn(2, width: 7), Shape, path),
            Throws.TypeOf<InvalidDataException>()
                .With.Message.Contains("embedding 5").And.Message.Contains("embedding 7"));
    }

    [Test]
    public void LoadInto_HeaderlessTorchSharpFile_RefusedSayingToRecreate()
    {
        string path = Path.Combine(_dir, "old.pt");
        using (Classifier model = Fcn(1))
        {
            model.save(path); // the format before checkpoints carried a header
        }

        Assert.That(() => Checkpoints.LoadInto(Fcn(2), Shape, path),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("no ILRGCKPT header")
                .And.Message.Contains("re-create it"));
    }

    [Test]
    public void LoadInto_TrailingBytes_Rejected()
    {
        string path = Saved();
        File.AppendAllText(path, "x");

        Assert.That(() => Checkpoints.LoadInto(Fcn(2), Shape, path),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("trailing"));
    }

    [Test]
    public void LoadInto_Truncated_Rejected()
    {
        string path = Saved();
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^1]);

        Assert.That(() => Checkpoints.LoadInto(Fcn(2), Shape, path),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("truncated"));
    }

    [Test]
    public void LoadInto_BigCheckpointIntoSmallModel_HashesWithoutHoldingIt()
    {
        string path = Path.Combine(_dir, "big.pt");
        using (var generator = new Generator(3))
        using (var big = new Fcn(Shape.Size, 3, 1, 2000, Activation.Relu, generator))
        {
            Checkpoints.Save(big, Shape, path); // about 16 MB of weights
        }

        long before = GC.GetAllocatedBytesForCurrentThread();

        Assert.That(() => Checkpoints.LoadInto(Fcn(2), Shape, path),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("embedding 2000"));
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(4 << 20), "managed bytes allocated");
    }

    [Test]
    public void Description_Fcn_ListsInputLayersAndTensors()
    {
        using Classifier model = Fcn(1);

        var description = CheckpointDescription.Of(model, Shape);

        Assert.That(description.Lines, Is.SupersetOf(new[]
        {
            "model fcn", "input 1x4x4", "classes 3", "embedding 5", "layer body.act0 ReLU",
            "tensor body.linear0.weight Float32 5x16", "tensor fc.bias Float32 3",
        }));
    }

    [Test]
    public void LoadInto_Failure_DisposesTheModel()
    {
        string path = Path.Combine(_dir, "missing.pt");
        Classifier model = Fcn(2);

        Assert.Multiple(() =>
        {
            Assert.That(() => Checkpoints.LoadInto(model, Shape, path), Throws.TypeOf<FileNotFoundException>());
            Assert.That(() => model.Fc.weight!.data<float>().ToArray(), Throws.Exception, "disposed");
        });
    }
}
