using NUnit.Framework;
using static TorchSharp.torch;

namespace ILrg.Tests.Unit.Inversion;

/// <summary>
/// Runs this namespace's inversion tests with one libtorch thread: the problems are tiny, and on a shared two-core CI
/// machine intra-op threads only add spin-waiting. The previous setting is restored afterwards.
/// </summary>
[SetUpFixture]
public sealed class SingleThreadFixture
{
    private int _threads;

    [OneTimeSetUp]
    public void UseOneThread()
    {
        _threads = get_num_threads();
        set_num_threads(1);
    }

    [OneTimeTearDown]
    public void Restore() => set_num_threads(_threads);
}
