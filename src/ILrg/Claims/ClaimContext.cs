using ILrg.Data;

namespace ILrg.Claims;

/// <summary>What measuring a claim's units needs: datasets (each opened once), samplers (each built once), the compute
/// device and a progress callback.</summary>
public sealed class ClaimContext
{
    private readonly Func<DatasetRequest, IImageDataset> _open;
    private readonly Dictionary<DatasetRequest, IImageDataset> _datasets = [];
    private readonly Lock _gate = new();
    private readonly Dictionary<IImageDataset, BatchSampler> _samplers = [];
    private readonly Action? _onStep;
    private readonly Action<IReadOnlyList<TrialRecord>>? _onRecords;

    /// <summary>A context opening datasets with <paramref name="open"/>.</summary>
    /// <param name="open">Opens a dataset (called once per distinct request).</param>
    /// <param name="device">The resolved compute device ("cpu" or "cuda").</param>
    /// <param name="onStep">Called after each trial or inversion.</param>
    /// <param name="onRecords">Called with the records of every unit as it finishes (e.g. to keep them for an
    /// interrupted report).</param>
    /// <param name="cancellation">Checked before every unit.</param>
    public ClaimContext(
        Func<DatasetRequest, IImageDataset> open, string device = "cpu", Action? onStep = null,
        Action<IReadOnlyList<TrialRecord>>? onRecords = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentException.ThrowIfNullOrWhiteSpace(device);
        _open = open;
        Device = device;
        _onStep = onStep;
        _onRecords = onRecords;
        Cancellation = cancellation;
    }

    /// <summary>Checked before every unit of work.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>The compute device the claims' experiments run on.</summary>
    public string Device { get; }

    /// <summary>Every dataset opened so far.</summary>
    public IReadOnlyCollection<IImageDataset> Opened
    {
        get
        {
            lock (_gate)
            {
                return [.. _datasets.Values];
            }
        }
    }

    /// <summary>Opens (or reuses) the dataset of <paramref name="request"/>.</summary>
    public IImageDataset Open(DatasetRequest request)
    {
        lock (_gate)
        {
            if (_datasets.TryGetValue(request, out var opened))
            {
                return opened;
            }
        }

        IImageDataset dataset = _open(request);
        lock (_gate)
        {
            _datasets[request] = dataset;
        }

        return dataset;
    }

    /// <summary>The batch sampler of an opened dataset (built once).</summary>
    public BatchSampler SamplerFor(IImageDataset dataset) =>
        _samplers.TryGetValue(dataset, out var s) ? s : _samplers[dataset] = new BatchSampler(dataset);

    /// <summary>Reports one finished trial or inversion.</summary>
    public void Step() => _onStep?.Invoke();

    /// <summary>Reports the records of a finished unit.</summary>
    /// <param name="records">The unit's records.</param>
    public void Recorded(IReadOnlyList<TrialRecord> records) => _onRecords?.Invoke(records);
}
