using ILrg.Data;
using ILrg.Inversion;

namespace ILrg.Audit;

/// <summary>A gradient inversion of a FedSGD update held in files (<see cref="FileInversion"/>).</summary>
/// <param name="ModelState">The global model's state dict.</param>
/// <param name="Gradients">The whole-model gradients, keyed like the state.</param>
/// <param name="BatchSize">N.</param>
/// <param name="Architecture">The model's architecture (<see cref="Interop.ModelArchitectures"/>).</param>
/// <param name="InputShape">Its input shape, or null to infer it.</param>
/// <param name="Normalisation">How the client normalised its raw [0,1] pixels (fixes the inverter's pixel box); null
/// takes MNIST's for 1-channel inputs and CIFAR-100's otherwise.</param>
/// <param name="Inverter">ig or dlg.</param>
/// <param name="Settings">The inverter's settings (its seed is derived from <paramref name="Seed"/>).</param>
/// <param name="FinalLayer">The final layer's name, or null to find it.</param>
/// <param name="TruthImages">A .npy of the true images as raw [0,1] pixels (scoring only), or null.</param>
/// <param name="TruthLabels">A .npy of the true labels (label mode gt), or null.</param>
/// <param name="Seed">Base seed.</param>
public sealed record FileInversionRequest(
    string ModelState,
    string Gradients,
    int BatchSize,
    string Architecture,
    ImageShape? InputShape,
    Normalisation? Normalisation,
    string Inverter,
    InversionSettings Settings,
    string? FinalLayer = null,
    string? TruthImages = null,
    string? TruthLabels = null,
    ulong Seed = 0);
