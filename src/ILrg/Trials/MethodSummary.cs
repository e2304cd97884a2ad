using ILrg.Restoration.Registry;
using ILrg.Metrics;

namespace ILrg.Trials;

/// <summary>A method's scores over all trials of a comparison.</summary>
/// <param name="Method">Registered name.</param>
/// <param name="Description">One line.</param>
/// <param name="Bound">Attack, or an upper/lower reference bound.</param>
/// <param name="InstanceWise">False for class-wise methods (their LnAcc and MAE only mark presence).</param>
/// <param name="Labels">LeAcc, LnAcc, IRec, exact-batch rate, MAE with intervals.</param>
/// <param name="CountMaeCi">95% interval of the count MAE (normal approximation, not clipped to 1).</param>
/// <param name="MeanRestoreMs">Mean wall time of one restoration, including any calibration forward passes.</param>
/// <param name="SoftCountMae">Mean soft-count MAE when the client's loss was label smoothing or mixup (issue
/// 11).</param>
/// <param name="SoftCountMaeCi">Its 95% interval.</param>
public sealed record MethodSummary(
    string Method,
    string Description,
    RestorerBound Bound,
    bool InstanceWise,
    LabelSummary Labels,
    Interval CountMaeCi,
    double MeanRestoreMs,
    double? SoftCountMae = null,
    Interval? SoftCountMaeCi = null);
