using ILrg.Data;

namespace ILrg.Audit;

/// <summary>An audit of a client update held in files (<see cref="FileAudit.Run"/>).</summary>
/// <param name="ModelState">The global model the client started from (torch.save, safetensors, .npz or an ILrg
/// checkpoint).</param>
/// <param name="Update">The client's update.</param>
/// <param name="BatchSize">N, or a range of N to scan when it is unknown.</param>
/// <param name="FinalLayer">The final layer's name (e.g. <c>head.4</c>), or null to find it.</param>
/// <param name="Architecture">The model's architecture (<see cref="Interop.ModelArchitectures"/>), or null: methods
/// that need forward passes then do not run.</param>
/// <param name="InputShape">The model's input shape, or null to infer it from the architecture.</param>
/// <param name="Methods">Registry names to run; null runs every one whose needs are met.</param>
/// <param name="AuxiliaryData">Held-out images (<see cref="AuxiliaryImages"/>), or null.</param>
/// <param name="AuxiliarySize">How many auxiliary images to use.</param>
/// <param name="Alpha">iLRG's softmax factor α (1 in the paper and in the calibration).</param>
/// <param name="Seed">Base seed of the methods' own randomness.</param>
public sealed record FileAuditRequest(
    string ModelState,
    UpdateSource Update,
    BatchSizeRange BatchSize,
    string? FinalLayer = null,
    string? Architecture = null,
    ImageShape? InputShape = null,
    IReadOnlyList<string>? Methods = null,
    string? AuxiliaryData = null,
    int AuxiliarySize = 64,
    double Alpha = 1.0,
    ulong Seed = 0);
