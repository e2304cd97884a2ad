using System.CommandLine;
using ILrg.Models;

namespace ILrg.Cli.Options;

/// <summary>Which model: <c>--model</c>, <c>--n-hidden</c>, <c>--width</c>, <c>--activation</c>, <c>--batch-norm</c>,
/// <c>--dropout</c>, <c>--checkpoint</c>; binds to a <see cref="ModelSpec"/>.</summary>
public sealed class ModelOptions : IOptionGroup
{
    private readonly Option<string> _model = OptionFactory.Choice("--model", "Model", ModelZoo.Names, null);
    private readonly Option<int> _hidden = OptionFactory.WholeNumber("--n-hidden",
        "FCN: hidden layers after the first (1 = FCN-3)", 0, 1);
    private readonly Option<int> _width = OptionFactory.WholeNumber("--width", "FCN: hidden width", 1, 300);
    private readonly Option<Activation?> _activation = OptionFactory.Enum("--activation", "Hidden activation",
        Activation.Relu);
    private readonly Option<bool> _batchNorm =
        new("--batch-norm") { Description = "LeNet-5: BatchNorm after each convolution" };
    private readonly Option<bool> _dropout =
        new("--dropout") { Description = "VGG: Dropout 0.5 in the head (active in train mode)" };
    private readonly Option<FileInfo?> _checkpoint = new("--checkpoint")
    {
        Description = "Attack a trained model: weights saved by 'ilrg train'",
    };

    /// <inheritdoc />
    public IEnumerable<Option> Options => [_model, _hidden, _width, _activation, _batchNorm, _dropout, _checkpoint];

    /// <summary>The model.</summary>
    public ModelSpec Bind(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new ModelSpec(
            parse.GetValue(_model)!, parse.GetValue(_hidden), parse.GetValue(_width),
            parse.GetValue(_activation) ?? Activation.Relu,
            parse.GetValue(_batchNorm), parse.GetValue(_dropout), parse.GetValue(_checkpoint)?.FullName);
    }
}
