namespace ILrg.Models;

/// <summary>A model by name with its options; the zoo builds it for an input shape and class count.</summary>
/// <param name="Name">fcn, lenet5 (and the zoo's further names).</param>
/// <param name="HiddenLayers">FCN: n_hidden (1 gives FCN-3).</param>
/// <param name="Width">FCN: hidden width.</param>
/// <param name="Activation">Hidden activation.</param>
/// <param name="BatchNorm">LeNet-5: BatchNorm after each convolution.</param>
/// <param name="Dropout">VGG: Dropout 0.5 after the hidden Linear layers (active only in train mode).</param>
/// <param name="CheckpointPath">Weights saved by <c>ilrg train</c>, loaded after construction (a trained
/// model).</param>
public sealed record ModelSpec(
    string Name,
    int HiddenLayers = 1,
    int Width = 300,
    Activation Activation = Activation.Relu,
    bool BatchNorm = false,
    bool Dropout = false,
    string? CheckpointPath = null);
