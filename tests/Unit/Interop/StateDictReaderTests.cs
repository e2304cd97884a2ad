using ILrg.Data;
using System.Text.Json;
using ILrg.Interop;
using ILrg.Models;
using ILrg.Testing;
using NUnit.Framework;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace ILrg.Tests.Unit.Interop;

/// <summary>The readers on files written by real PyTorch and NumPy (tests/fixtures/interop).</summary>
public sealed class StateDictReaderTests
{
    private static readonly ImageShape Shape = new(1, 28, 28);

    private static readonly string[] FcnKeys =
        ["fin.1.weight", "fin.1.bias", "hiddens.0.0.weight", "hiddens.0.0.bias", "fc.weight", "fc.bias"];

    [TestCase("model.pt", StateDictFormat.PyTorchZip)]
    [TestCase("model.npz", StateDictFormat.NumpyNpz)]
    [TestCase("model.safetensors", StateDictFormat.Safetensors)]
    public void Read_FcnModelInEachFormat_KeysShapesAndFormat(string file, StateDictFormat format)
    {
        StateDict state = StateDictReader.Read(InteropFixtures.Interop("fcn", file));

        Assert.That(state.Format, Is.EqualTo(format));
        Assert.That(state.Names, Is.EquivalentTo(FcnKeys));
        Assert.That(state["fin.1.weight"].Shape, Is.EqualTo(new long[] { 64, 784 }));
        Assert.That(state["fc.bias"].DType, Is.EqualTo(TensorDType.Float32));
    }

    [TestCase("model.pt")]
    [TestCase("model.npz")]
    public void Read_PtAndNpz_KeepTheModelsOrder(string file)
    {
        StateDict state = StateDictReader.Read(InteropFixtures.Interop("fcn", file));

        Assert.That(state.Names, Is.EqualTo(FcnKeys));
        Assert.That(state.HasModelOrder, Is.True);
    }

    [Test]
    public void Read_Safetensors_KeepsTheWritersSortedLayoutAndSaysItIsNotTheModelsOrder()
    {
        StateDict state = StateDictReader.Read(InteropFixtures.Interop("fcn", "model.safetensors"));

        Assert.That(state.Names, Is.EqualTo(FcnKeys.Order(StringComparer.Ordinal)));
        Assert.That(state.HasModelOrder, Is.False);
    }

    [TestCase("fcn", "fedsgd-grads")]
    [TestCase("fcn", "model")]
    [TestCase("cnn", "fedavg-after")]
    public void Read_SameStateInPtAndNpz_IdenticalValues(string model, string stem)
    {
        StateDict pt = StateDictReader.Read(InteropFixtures.Interop(model, stem + ".pt"));
        StateDict npz = StateDictReader.Read(InteropFixtures.Interop(model, stem + ".npz"));

        Assert.That(npz.Names, Is.EqualTo(pt.Names));
        foreach (StateTensor t in pt)
        {
            Assert.That(npz[t.Name].Shape, Is.EqualTo(t.Shape), t.Name);
            Assert.That(npz[t.Name].ToDoubles(), Is.EqualTo(t.ToDoubles()), t.Name);
        }
    }

    [Test]
    public void Read_SafetensorsGradients_IdenticalToPt()
    {
        StateDict pt = StateDictReader.Read(InteropFixtures.Interop("fcn", "fedsgd-grads.pt"));
        StateDict st = StateDictReader.Read(InteropFixtures.Interop("fcn", "fedsgd-grads.safetensors"));

        foreach (StateTensor t in pt)
        {
            Assert.That(st[t.Name].ToSingles(), Is.EqualTo(t.ToSingles()), t.Name);
        }
    }

    [Test]
    public void Read_Pt_AgreesWithPyBridgesOwnTensorReading()
    {
        string path = InteropFixtures.Interop("cnn", "model.pt");
        StateDict state = StateDictReader.Read(path);
        using var scope = NewDisposeScope();

        System.Collections.Hashtable oracle = PyTorchUnpickler.UnpickleStateDict(path);

        Assert.That(oracle.Count, Is.EqualTo(state.Count));
        foreach (StateTensor t in state.Where(t => t.DType == TensorDType.Float32))
        {
            var expected = (Tensor)oracle[t.Name]!;
            Assert.That(t.Shape, Is.EqualTo(expected.shape), t.Name);
            Assert.That(t.ToSingles(), Is.EqualTo(expected.data<float>().ToArray()), t.Name);
        }
    }

    [Test]
    public void Read_Safetensors_AgreesWithPyBridgesOwnReader()
    {
        string path = InteropFixtures.Interop("fcn", "model.safetensors");
        StateDict state = StateDictReader.Read(path);
        using var scope = NewDisposeScope();

        Dictionary<string, Tensor> oracle = Safetensors.LoadStateDict(path);

        Assert.That(oracle.Keys, Is.EquivalentTo(state.Names));
        foreach (StateTensor t in state)
        {
            Assert.That(t.ToSingles(), Is.EqualTo(oracle[t.Name].data<float>().ToArray()), t.Name);
        }
    }

    [TestCase("layouts.pt")]
    [TestCase("layouts.npz")]
    public void Read_ViewsOffsetsFortranOrderAndEveryDtype_ValuesAsPyTorchAndNumPyWroteThem(string file)
    {
        StateDict state = StateDictReader.Read(InteropFixtures.Interop("layouts", file));
        using JsonDocument expected =
            JsonDocument.Parse(File.ReadAllText(InteropFixtures.Interop("layouts", "layouts.json")));

        foreach (JsonProperty e in expected.RootElement.EnumerateObject().Where(e => state.Contains(e.Name)))
        {
            StateTensor t = state[e.Name];
            long[] shape = [.. e.Value.GetProperty("shape").EnumerateArray().Select(v => v.GetInt64())];
            double[] values = [.. e.Value.GetProperty("values").EnumerateArray().Select(v => v.GetDouble())];
            Assert.That(t.Shape, Is.EqualTo(shape), e.Name);
            Assert.That(t.ToDoubles(), Is.EqualTo(values), e.Name);
        }

        Assert.That(state.Count, Is.EqualTo(file.EndsWith(".npz", StringComparison.Ordinal) ? 9 : 8));
    }

    [Test]
    public void Read_PtDtypes_RecordedAsStored()
    {
        StateDict state = StateDictReader.Read(InteropFixtures.Interop("layouts", "layouts.pt"));

        Assert.That(state["f16"].DType, Is.EqualTo(TensorDType.Float16));
        Assert.That(state["bf16"].DType, Is.EqualTo(TensorDType.BFloat16));
        Assert.That(state["f64"].DType, Is.EqualTo(TensorDType.Float64));
        Assert.That(state["i64"].DType, Is.EqualTo(TensorDType.Int64));
        Assert.That(state["u8"].DType, Is.EqualTo(TensorDType.UInt8));
        Assert.That(state["scalar"].Rank, Is.Zero);
    }

    [Test]
    public void Read_ExtensionThatLies_FormatComesFromTheBytes()
    {
        string path = Path.Combine(Path.GetTempPath(), $"ilrg-interop-{Guid.NewGuid():N}.npz");
        File.Copy(InteropFixtures.Interop("fcn", "model.pt"), path);
        try
        {
            Assert.That(StateDictReader.Read(path).Format, Is.EqualTo(StateDictFormat.PyTorchZip));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Read_Pt_LeavesNoNativeTensor()
    {
        string path = InteropFixtures.Interop("cnn", "model.pt");
        StateDictReader.Read(path); // warms up PyBridge's and TorchSharp's statics

        long left = NativeLeakCheck.LiveTensorsLeftBy(() => StateDictReader.Read(path));

        Assert.That(left, Is.Zero);
    }

    [Test]
    public void Read_IlrgCheckpointWithItsArchitecture_DelegatesToCheckpointsAndCopiesTheWeights()
    {
        string path = Path.Combine(Path.GetTempPath(), $"ilrg-interop-{Guid.NewGuid():N}.bin");
        using var generator = new Generator(7);
        using var saved = new Fcn(784, 10, 1, 16, Activation.Relu, generator);
        Checkpoints.Save(saved, Shape, path);
        try
        {
            using var fresh = new Fcn(784, 10, 1, 16, Activation.Relu, new Generator(8));
            StateDict state = StateDictReader.Read(path, fresh, Shape);

            Assert.That(state.Format, Is.EqualTo(StateDictFormat.IlrgCheckpoint));
            Assert.That(state["fc.weight"].ToSingles(), Is.EqualTo(saved.Fc.weight!.data<float>().ToArray()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Read_IlrgCheckpointWithoutArchitecture_InvalidDataNamingWhatIsNeeded()
    {
        string path = Path.Combine(Path.GetTempPath(), $"ilrg-interop-{Guid.NewGuid():N}.bin");
        using var generator = new Generator(7);
        using var saved = new Fcn(784, 10, 1, 16, Activation.Relu, generator);
        Checkpoints.Save(saved, Shape, path);
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => StateDictReader.Read(path));
            Assert.That(e!.Message, Does.StartWith(path).And.Contain("ILrg checkpoint").And.Contain("architecture"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Read_IlrgCheckpointIntoAnotherArchitecture_InvalidData()
    {
        string path = Path.Combine(Path.GetTempPath(), $"ilrg-interop-{Guid.NewGuid():N}.bin");
        using var generator = new Generator(7);
        using var saved = new Fcn(784, 10, 1, 16, Activation.Relu, generator);
        Checkpoints.Save(saved, Shape, path);
        try
        {
            var wrong = new Fcn(784, 10, 1, 32, Activation.Relu, new Generator(8));
            Assert.Throws<InvalidDataException>(() => StateDictReader.Read(path, wrong, Shape));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
