using System.CommandLine;
using ILrg.Data;

namespace ILrg.Cli.Options;

/// <summary><c>ilrg invert</c> on an update held in files: <c>--model-state</c>, <c>--gradients</c> (FedSGD),
/// <c>--final-layer</c>, <c>--normalisation</c>, and for scoring <c>--truth-images</c> / <c>--truth-labels</c>; the
/// architecture comes from <see cref="ArchitectureOptions"/>.</summary>
public sealed class UpdateInversionOptions : IOptionGroup
{
    private static readonly Dictionary<string, Normalisation> Normalisations = new()
    {
        ["mnist"] = Normalisation.Mnist,
        ["cifar100"] = Normalisation.Cifar100,
        ["imagenet"] = Normalisation.ImageNet,
    };

    private readonly Option<FileInfo?> _modelState = new("--model-state")
    {
        Description = "Invert a real update instead of simulating one: the global model's state dict (.pt/.pth, " +
                      "safetensors, .npz, ILrg checkpoint); needs --gradients and --arch",
    };

    private readonly Option<FileInfo?> _gradients = new("--gradients")
    {
        Description = "With --model-state: the batch-mean cross-entropy gradient of every parameter",
    };

    private readonly Option<string?> _finalLayer = new("--final-layer")
    {
        Description = "With --model-state: the final layer's name (default: found)",
    };

    private readonly Option<string> _normalisation = OptionFactory.Choice(
        "--normalisation", "With --model-state: how the client normalised its [0,1] pixels (default: mnist for " +
                           "1 channel, cifar100 otherwise)", [.. Normalisations.Keys], null);

    private readonly Option<FileInfo?> _truthImages = new("--truth-images")
    {
        Description = "With --model-state: a .npy of the true images as raw [0,1] pixels (N×C×H×W), for PSNR/SSIM",
    };

    private readonly Option<FileInfo?> _truthLabels = new("--truth-labels")
    {
        Description = "With --model-state: a .npy of the true labels (N integers), for --labels gt",
    };

    /// <summary>The group.</summary>
    public UpdateInversionOptions() => _normalisation.Required = false;

    /// <inheritdoc />
    public IEnumerable<Option> Options =>
        [_modelState, _gradients, _finalLayer, _normalisation, _truthImages, _truthLabels];

    /// <summary>True when <c>--model-state</c> was given (invert a real update).</summary>
    public bool Given(ParseResult parse) => parse?.GetValue(_modelState) is not null;

    /// <summary>The model state, the gradients, the final layer, the normalisation and the truth files.</summary>
    /// <exception cref="ArgumentException">--model-state without --gradients.</exception>
    public (string ModelState, string Gradients, string? FinalLayer, Normalisation? Normalisation, string? TruthImages,
        string? TruthLabels) Bind(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        FileInfo state = parse.GetValue(_modelState) ?? throw new ArgumentException(
            "--gradients, --truth-images and --truth-labels go with --model-state");
        FileInfo gradients = parse.GetValue(_gradients) ?? throw new ArgumentException(
            "--model-state needs --gradients (a FedSGD update: the gradient of every parameter)");
        string? norm = parse.GetValue(_normalisation);
        return (state.FullName, gradients.FullName, parse.GetValue(_finalLayer),
            norm is null ? null : Normalisations[norm], parse.GetValue(_truthImages)?.FullName,
            parse.GetValue(_truthLabels)?.FullName);
    }
}
