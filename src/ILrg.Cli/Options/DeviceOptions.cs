using System.CommandLine;
using ILrg.Models;

namespace ILrg.Cli.Options;

/// <summary><c>--device auto|cpu|cuda</c>: where models and the client's tensors live.</summary>
public sealed class DeviceOptions : IOptionGroup
{
    private readonly Option<string> _device = OptionFactory.Choice(
        "--device", "Where models and tensors live; auto takes CUDA when this build and machine have it",
        ComputeDevice.Choices, "auto");

    /// <inheritdoc />
    public IEnumerable<Option> Options => [_device];

    /// <summary>The resolved device: "cpu" or "cuda".</summary>
    /// <exception cref="Data.EnvironmentMissingException">cuda asked for but unavailable (exit 3).</exception>
    public string Bind(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return ComputeDevice.Resolve(parse.GetValue(_device)!);
    }
}
