using ILrg.Data;

namespace ILrg.Claims;

/// <summary>What measuring a claim's units needs: datasets (each opened once), samplers (each built once), the compute
/// device and a progress callback.</summary>
public sealed class ClaimContext
{
    private readonly Func<DatasetRequest, IImageDataset> _open;
    private readonly Dictionary<DatasetRequest, IImageDataset> _datasets = [];
    private readonly Dictionary<IImageDataset, BatchSampler> _samplers = [];
    private readonly Action? _onStep;

    /// <summary>A context opening datasets with <paramref name="open"/>.</summary>
    /// <param name="open">Opens a dataset (called once per distinct request).</param>
    /// <param name="device">The resolved compute device ("cpu" or "cuda").</param>
    /// <param name="onStep">Called after each trial or inversion.</param>
    public ClaimContext(Func<DatasetRequest, IImageDataset> open, string device = "cpu", Action? onStep = null)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentException.ThrowIfNullOrWhiteSpace(device);
        _open = open;
        Device = device;
        _onStep = onStep;
    }

    /// <summary>The compute device the claims' experiments run on.</summary>
    public string Device { get; }

    /// <summary>Every dataset opened so far.</summary>
    public IReadOnlyCollection<IImageDataset> Opened => _datasets.Values;

    /// <summary>Opens (or reuses) the dataset of <paramref name="request"/>.</summary>
    public IImageDataset Open(DatasetRequest request) =>
        _datasets.TryGetValue(request, out var d) ? d : _datasets[request] = _open(request);

    /// <summary>The batch sampler of an opened dataset (built once).</summary>
    public BatchSampler SamplerFor(IImageDataset dataset) =>
        _samplers.TryGetValue(dataset, out var s) ? s : _samplers[dataset] = new BatchSampler(dataset);

    /// <summary>Reports one finished trial or inversion.</summary>
    public void Step() => _onStep?.Invoke();
}
