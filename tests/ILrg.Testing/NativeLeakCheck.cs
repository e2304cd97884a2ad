using TorchSharp;

namespace ILrg.Testing;

/// <summary>Counts live native tensors around an action (TorchSharp's dispose-scope statistics).</summary>
public static class NativeLeakCheck
{
    /// <summary>Live tensors after minus before running <paramref name="action"/>.</summary>
    public static long LiveTensorsLeftBy(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long before = DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;
        action();
        long after = DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;
        return after - before;
    }
}
