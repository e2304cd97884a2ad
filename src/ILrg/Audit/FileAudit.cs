using System.Globalization;
using System.Security.Cryptography;
using ILrg.Data;
using ILrg.Interop;
using ILrg.Numerics;
using ILrg.Restoration.Registry;

namespace ILrg.Audit;

/// <summary>
/// Audits a client update that other code wrote to files: reads the global model state and the update (any accepted
/// format, recognised from the bytes), builds the attacker's observation from the final layer (FedSGD gradients as
/// given, FedAvg weights as the averaged-gradient approximation), loads the model into its architecture when one is
/// named, and runs every registered attack whose needs are met on that one observation, with the certificate and the
/// verdict of <see cref="LabelAudit"/>; a range of batch sizes is scanned for the most self-consistent N.
/// </summary>
/// <remarks>The methods' randomness comes from <see cref="SeedStreams"/> (trial 0 of the method stream), so the same
/// files and seed give the same counts.</remarks>
public static class FileAudit
{
    /// <summary>Runs the audit.</summary>
    /// <exception cref="FileNotFoundException">An input file is missing.</exception>
    /// <exception cref="InvalidDataException">A damaged or unsuitable file, keys or shapes that do not match (named),
    /// no unambiguous final layer, or a NaN or infinity in the final layer.</exception>
    /// <exception cref="ArgumentException">Settings that do not fit together (the message names the option).
    /// </exception>
    public static FileAuditResult Run(FileAuditRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        UpdateSource source = request.Update;
        var inputs = new List<AuditedFile>();
        StateDict state = ModelStateFiles.Read(request.ModelState, request.Architecture);
        inputs.Add(Describe("model state", request.ModelState, FormatName(state.Format)));
        StateDict values = ModelStateFiles.Read(source.Path, request.Architecture);
        inputs.Add(Describe(RoleOf(source.Kind), source.Path, FormatName(values.Format)));

        BatchSizeRange range = request.BatchSize;
        ExternalObservation first = Observe(state, values, request, range.Min);
        using LoadedModel? model = request.Architecture is null
            ? null
            : ModelStateLoader.Load(request.Architecture, state, first.FinalLayer, request.InputShape);
        Batch? auxiliary = null;
        if (request.AuxiliaryData is { } aux)
        {
            auxiliary = AuxiliaryImages.Open(aux, model!.InputShape, request.AuxiliarySize);
            inputs.Add(Directory.Exists(aux)
                ? new AuditedFile("auxiliary images", Path.GetFullPath(aux), "folder", 0, null)
                : Describe("auxiliary images", aux, "npy"));
        }

        // A FedSGD update is one full-batch gradient: its "local hyper-parameters" are known (one step), so the
        // methods that declare them (rlu, the FedAvg-aware variants) run on it; a FedAvg file has already been turned
        // into the mean-gradient approximation, which those methods would rescale a second time.
        var context = new RestorerContext(0, request.Alpha, model?.Model, model?.InputShape, auxiliary)
        {
            Local = request.Update.IsFedAvg ? null : Federated.LocalTraining.FedSgd,
        };
        ulong seed = SeedStreams.ForTrial(request.Seed, SeedPurpose.Method, 0);
        var options = new LabelAuditOptions(request.Methods, seed, Context: context);
        LabelAuditResult audit;
        BatchSizeScanSummary? scan = null;
        ExternalObservation used = first;
        if (range.IsSingle)
        {
            audit = LabelAudit.Run(first.Observation, options);
        }
        else
        {
            BatchSizeScan found = LabelAudit.ScanBatchSizes(first.Observation, range.Max, options);
            audit = found.Audit;
            used = Observe(state, values, request, found.MostConsistent);
            scan = new BatchSizeScanSummary(range.Min, range.Max, found.MostConsistent, found.Candidates,
                BatchSizeScanSummary.CalibratedReliability);
        }

        return new FileAuditResult(
            used.FinalLayer, audit.BatchSize, audit.Classes, audit.Verdict, audit.Strong, audit.Reasons,
            audit.Methods, audit.System, audit.Agreement, Describe(source, used, audit.BatchSize, range),
            Approximations(used, scan), inputs, [.. Skipped(request, context), .. audit.Failed],
            scan, model?.Model.GetName(), model?.InputShape);
    }

    private static void Validate(FileAuditRequest request)
    {
        ArgumentNullException.ThrowIfNull(request.Update);
        ArgumentNullException.ThrowIfNull(request.BatchSize);
        request.Update.Validate();
        if (request.AuxiliaryData is not null && request.Architecture is null)
        {
            throw new ArgumentException(
                "--aux-data needs --arch: the auxiliary images are passed through the model to calibrate");
        }

        if (!request.BatchSize.IsSingle && request.Update.IsFedAvg && request.Update.LocalSteps is null)
        {
            throw new ArgumentException(
                $"a batch-size range ({request.BatchSize}) with a FedAvg update needs --local-steps: steps derived " +
                "from --local-batch would change with N");
        }

        if (request.InputShape is not null && request.Architecture is null)
        {
            throw new ArgumentException("--input-shape describes the model's input; it goes with --arch");
        }
    }

    private static ExternalObservation Observe(StateDict state, StateDict values, FileAuditRequest request, int n)
    {
        UpdateSource s = request.Update;
        ExternalUpdate update = s.Kind switch
        {
            UpdateKind.Gradients => ExternalUpdate.Gradients(values),
            UpdateKind.WeightsAfter =>
                ExternalUpdate.WeightsAfter(values, s.LocalLearningRate!.Value, Steps(s, n, request)),
            _ => ExternalUpdate.WeightDelta(values, s.LocalLearningRate!.Value, Steps(s, n, request)),
        };
        return ExternalObservations.Build(state, update, n, request.FinalLayer);
    }

    private static int Steps(UpdateSource source, int n, FileAuditRequest request) =>
        request.BatchSize.IsSingle ? source.StepsFor(n) : source.LocalSteps!.Value;

    private static AuditedUpdate Describe(UpdateSource s, ExternalObservation used, int n, BatchSizeRange range) =>
        new(s.Kind, used.IsApproximated, used.Derivation, s.LocalLearningRate,
            s.IsFedAvg ? (range.IsSingle ? s.StepsFor(n) : s.LocalSteps) : null, s.LocalBatchSize, s.LocalEpochs);

    private static List<string> Approximations(ExternalObservation used, BatchSizeScanSummary? scan)
    {
        var notes = new List<string>();
        if (used.IsApproximated)
        {
            notes.Add(used.Derivation);
        }

        if (scan is not null)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"The batch size was not given: the audit assumes N = {scan.MostConsistent}, the most " +
                $"self-consistent in {scan.Min}..{scan.Max}. {scan.Reliability}"));
        }

        return notes;
    }

    private static List<SkippedMethod> Skipped(FileAuditRequest request, RestorerContext context)
    {
        if (request.Methods is not null)
        {
            return [];
        }

        return [.. RestorerRegistry.All
            .Where(d => d.Bound == RestorerBound.None && AuditMethods.Missing(d, context) is not null)
            .Select(d => new SkippedMethod(d.Name, AuditMethods.Missing(d, context)!))];
    }

    private static string RoleOf(UpdateKind kind) => kind switch
    {
        UpdateKind.Gradients => "gradients",
        UpdateKind.WeightsAfter => "weights after local training",
        _ => "weight delta",
    };

    private static string FormatName(StateDictFormat format) => format switch
    {
        StateDictFormat.PyTorchZip => "torch.save",
        StateDictFormat.Safetensors => "safetensors",
        StateDictFormat.NumpyNpz => "npz",
        StateDictFormat.IlrgCheckpoint => "ilrg-checkpoint",
        _ => "in-memory",
    };

    private static AuditedFile Describe(string role, string path, string format)
    {
        string full = Path.GetFullPath(path);
        using FileStream file = File.OpenRead(full);
        string hash = Convert.ToHexStringLower(SHA256.HashData(file));
        return new AuditedFile(role, full, format, file.Length, hash);
    }
}
