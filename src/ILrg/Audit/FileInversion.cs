using System.Diagnostics;
using ILrg.Data;
using ILrg.Federated;
using ILrg.Interop;
using ILrg.Inversion;
using ILrg.Metrics;
using ILrg.Numerics;
using ILrg.Restoration;
using ILrg.Restoration.Registry;

namespace ILrg.Audit;

/// <summary>
/// Reconstructs the images of a FedSGD update held in files: the model state is loaded into its architecture, the
/// gradients are mapped onto the model's parameters, the labels come from the audit of the same update (iLRG's
/// corrected counts, sorted) or from the truth when the auditor has it, and the reconstructions are scored against the
/// true images when given. Prepared once, so that several label modes invert exactly the same update.
/// </summary>
public sealed class FileInversion : IDisposable
{
    private readonly LoadedModel _model;
    private readonly ClientUpdate _update;
    private readonly int[]? _truthLabels;

    /// <summary>Reads the files, audits the update and loads the model.</summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A damaged file, keys or shapes that do not match, truth of another size.
    /// </exception>
    /// <exception cref="ArgumentException">Settings that do not fit (named).</exception>
    public FileInversion(FileInversionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Guard.AtLeast(request.BatchSize, 1, "--batch-size");
        _ = Inverters.Create(request.Inverter, request.Settings);
        request.Settings.Validate();
        Request = request;
        StateDict state = ModelStateFiles.Read(request.ModelState, request.Architecture);
        StateDict gradients = ModelStateFiles.Read(request.Gradients, request.Architecture);
        ExternalObservation observation = ExternalObservations.Build(
            state, ExternalUpdate.Gradients(gradients), request.BatchSize, request.FinalLayer);
        var clock = Stopwatch.StartNew();
        Audit = LabelAudit.Run(observation.Observation, new LabelAuditOptions(
            Seed: SeedStreams.ForTrial(request.Seed, SeedPurpose.Method, 0)));
        Restoration = RestorerRegistry.Find(AuditMethods.Primary)
            .Create(RestorerContext.ObservationOnly()).Restore(observation.Observation);
        FinalLayer = observation.FinalLayer;
        _model = ModelStateLoader.Load(request.Architecture, state, observation.FinalLayer, request.InputShape);
        try
        {
            _update = ParameterMapping.ToClientUpdate(gradients, _model.KeyMap, state, request.BatchSize);
            Shape = _model.InputShape;
            Normalisation = request.Normalisation
                            ?? (Shape.Channels == 1 ? Data.Normalisation.Mnist : Data.Normalisation.Cifar100);
            if (request.TruthImages is { } images)
            {
                (float[] pixels, int count) = InputArrays.ReadImages(images, Shape, "--truth-images");
                TruthPixels = count == request.BatchSize
                    ? pixels
                    : throw new InvalidDataException(
                        $"{images}: --truth-images holds {count} images but the batch has N = {request.BatchSize}");
            }

            _truthLabels = request.TruthLabels is { } labels
                ? InputArrays.ReadLabels(labels, (int)_model.Model.Classes, "--truth-labels", request.BatchSize)
                : null;
            PrepareSeconds = clock.Elapsed.TotalSeconds;
        }
        catch
        {
            _model.Dispose();
            throw;
        }
    }

    /// <summary>The request.</summary>
    public FileInversionRequest Request { get; }

    /// <summary>The audit of the update's final layer (verdict, every observation-only method).</summary>
    public LabelAuditResult Audit { get; }

    /// <summary>iLRG's restoration, whose corrected counts give the labels of <see cref="LabelMode.ILrg"/>.</summary>
    public LabelRestoration Restoration { get; }

    /// <summary>The final layer used.</summary>
    public FinalLayer FinalLayer { get; }

    /// <summary>The model's input shape.</summary>
    public ImageShape Shape { get; }

    /// <summary>How the client normalised its pixels (given, or taken from the channel count).</summary>
    public Normalisation Normalisation { get; }

    /// <summary>The true images as raw [0,1] pixels, or null.</summary>
    public float[]? TruthPixels { get; }

    /// <summary>The true labels, or null.</summary>
    public IReadOnlyList<int>? TruthLabels => _truthLabels;

    /// <summary>Seconds to read, audit and load.</summary>
    public double PrepareSeconds { get; }

    /// <summary>Inverts the update with the labels of <paramref name="mode"/>.</summary>
    /// <exception cref="ArgumentException"><see cref="LabelMode.GroundTruth"/> without true labels.</exception>
    public FileInversionRun Run(
        LabelMode mode, Action<InversionProgress>? progress = null, CancellationToken cancellation = default)
    {
        InversionLabels labels = mode switch
        {
            LabelMode.GroundTruth => InversionLabels.FixedTo(mode, _truthLabels ?? throw new ArgumentException(
                "--labels gt needs the true labels: give --truth-labels")),
            LabelMode.ILrg => InversionLabels.FixedTo(mode, Restoration.ToSortedLabels()),
            _ => InversionLabels.Joint(mode),
        };
        ulong seed = SeedStreams.ForTrial(Request.Seed, SeedPurpose.Inversion, 0);
        IGradientInverter inverter = Inverters.Create(Request.Inverter, Request.Settings with { Seed = seed });
        var problem = new InversionProblem(_model.Model, _update, Shape, Normalisation, labels);
        var clock = Stopwatch.StartNew();
        InversionResult result = inverter.Invert(problem, p =>
        {
            cancellation.ThrowIfCancellationRequested();
            progress?.Invoke(p);
        });
        double seconds = clock.Elapsed.TotalSeconds;
        ImageScores? scores = TruthPixels is null ? null : ImageScores.Score(result.Pixels, TruthPixels, Shape);
        return new FileInversionRun(mode, [.. result.Labels.Order()], result, scores, seconds);
    }

    /// <inheritdoc />
    public void Dispose() => _model.Dispose();
}
