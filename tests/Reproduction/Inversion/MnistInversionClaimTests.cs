using ILrg.Data;
using ILrg.Experiments;
using ILrg.Inversion;
using ILrg.Models;
using ILrg.Testing;
using NUnit.Framework;
using static TorchSharp.torch;

namespace ILrg.Tests.Reproduction.Inversion;

/// <summary>
/// SPEC.md §8–9: on MNIST with an untrained FCN-3 and N = 50, Inverting Gradients with iLRG's restored labels beats
/// the reference's joint optimisation with one shared soft label by at least 5 dB PSNR (paper: +6.3 to +7.0 dB).
/// </summary>
/// <remarks>
/// CI runs a reduced configuration: 2000 iterations and 1 restart instead of 8000 and 3 (the step schedule scales with
/// the iteration count). The threshold stays the 5 dB, not loosened: the full reference configuration measured
/// here (README, "Gradient inversion") and this reduced one both exceed it on the same seed. One libtorch thread, so the
/// numbers equal those of the README's OMP_NUM_THREADS=1 command.
/// </remarks>
public sealed class MnistInversionClaimTests
{
    private const double ClaimDb = 5.0;

    [Test]
    public void InvertingGradients_MnistFcn3N50_ILrgLabelsBeatSharedJointLabelByFiveDecibels()
    {
        IImageDataset mnist = RequiredData.MnistOrSkip();
        int threads = get_num_threads();
        set_num_threads(1);
        try
        {
            var spec = new InversionSpec(
                new DatasetRequest("mnist"), new ModelSpec("fcn", HiddenLayers: 1), BatchSize: 50, Seed: 0, Method: "ig",
                new InversionSettings(Iterations: 2000, Restarts: 1, TotalVariation: 1e-4));
            using var experiment = new InversionExperiment(spec, mnist, Normalisation.Mnist);

            double ilrg = experiment.Run(LabelMode.ILrg).Scores.MeanPsnr;
            double shared = experiment.Run(LabelMode.JointShared).Scores.MeanPsnr;

            Assert.That(ilrg - shared, Is.GreaterThanOrEqualTo(ClaimDb),
                $"PSNR with iLRG labels {ilrg:F2} dB, with the shared joint label {shared:F2} dB");
        }
        finally
        {
            set_num_threads(threads);
        }
    }
}
