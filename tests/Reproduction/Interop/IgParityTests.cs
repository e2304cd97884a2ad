using System.Text.Json;
using ILrg.Data;
using ILrg.Federated;
using ILrg.Interop;
using ILrg.Inversion;
using ILrg.Metrics;
using ILrg.Models;
using ILrg.Testing;
using NUnit.Framework;
using static TorchSharp.torch;

namespace ILrg.Tests.Reproduction.Interop;

/// <summary>
/// Parity with the paper's own Inverting Gradients on exactly the same update (tests/fixtures/ig-parity: two FCN-3
/// MNIST updates, N = 50, made and inverted by the paper's code). The state dict and gradients are read from the
/// paper's files through ILrg.Interop (keys mapped onto ILrg's FCN-3 by order and shape) and inverted with ground-truth
/// labels in the reference setting of meta.json; the test fails when the mean matched PSNR over inversion seeds 0, 1
/// and 2 falls more than 0.5 dB below the paper code's figure on that update (issue 10).
/// </summary>
/// <remarks>
/// One libtorch thread, as the other inversion claims. The paper's code scored 8-bit PNGs of its reconstructions; ILrg
/// scores the float pixels (quantisation to 8 bits moves PSNR in the second decimal at these levels).
/// </remarks>
public sealed class IgParityTests
{
    private const double ToleranceDb = 0.5;
    private static readonly ulong[] Seeds = [0, 1, 2];

    [TestCase("a")]
    [TestCase("b")]
    public void InvertingGradients_PaperUpdateReadThroughInterop_WithinHalfADecibelOfThePapersCode(string fixture)
    {
        using JsonDocument meta = JsonDocument.Parse(File.ReadAllText(InteropFixtures.IgParity(fixture, "meta.json")));
        double reference = meta.RootElement.GetProperty("reference_matched_psnr_db").GetDouble();
        int n = meta.RootElement.GetProperty("batch_size").GetInt32();
        StateDict paperModel = StateDictReader.Read(InteropFixtures.IgParity(fixture, "model.npz"));
        StateDict paperGrads = StateDictReader.Read(InteropFixtures.IgParity(fixture, "grads.npz"));
        StateTensor labelArray = NpyReader.Read(InteropFixtures.IgParity(fixture, "labels.npy"));
        int[] labels = [.. labelArray.ToDoubles().Select(v => (int)v)];
        float[] truth = NpyReader.Read(InteropFixtures.IgParity(fixture, "images.npy")).ToSingles();
        var shape = new ImageShape(1, 28, 28);

        int threads = get_num_threads();
        set_num_threads(1);
        try
        {
            using var model = new Fcn(784, 10, 1, 300, Activation.Relu, new Generator(0));
            var map = ParameterMapping.ByOrderAndShape(paperModel, model);
            ParameterMapping.LoadInto(paperModel, model, map);
            ClientUpdate update = ParameterMapping.ToClientUpdate(paperGrads, map, paperModel, n);
            var problem = new InversionProblem(model, update, shape, Normalisation.Mnist,
                InversionLabels.FixedTo(LabelMode.GroundTruth, labels));

            var psnr = Seeds.Select(seed =>
            {
                var settings = new InversionSettings(Iterations: 2000, Restarts: 1, Seed: seed, TotalVariation: 1e-4,
                    L2: 1e-6);
                InversionResult result = new InvertingGradients(settings).Invert(problem);
                return ImageScores.Score(result.Pixels, truth, shape).MeanPsnr;
            }).ToList();

            double mean = psnr.Average();
            TestContext.Out.WriteLine(
                $"ig-parity/{fixture}: matched PSNR {string.Join(" / ", psnr.Select(p => p.ToString("F2")))} dB " +
                $"(mean {mean:F2}) vs the paper's code {reference:F2} dB");
            Assert.That(mean, Is.GreaterThanOrEqualTo(reference - ToleranceDb),
                $"seeds 0–2 gave {string.Join(", ", psnr.Select(p => p.ToString("F2")))} dB");
        }
        finally
        {
            set_num_threads(threads);
        }
    }
}
