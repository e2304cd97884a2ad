using System.Globalization;

namespace ILrg.Federated;

/// <summary>
/// The simulated FedAvg training that measures a defence's cost in model quality (issue 11): K clients with IID
/// shards of the training images, R rounds in which every client trains locally (E epochs, local batch B, lr) under
/// the defence and the server averages the updates (server learning rate 1), then test accuracy.
/// </summary>
/// <param name="Clients">K.</param>
/// <param name="ImagesPerClient">Training images per client.</param>
/// <param name="Rounds">R.</param>
/// <param name="LocalEpochs">E.</param>
/// <param name="LocalBatch">B.</param>
/// <param name="LearningRate">Local learning rate.</param>
/// <param name="TestImages">Held-out images scored at the end.</param>
public sealed record UtilitySettings(
    int Clients = 10, int ImagesPerClient = 100, int Rounds = 40, int LocalEpochs = 1, int LocalBatch = 20,
    double LearningRate = 0.1, int TestImages = 2000)
{
    /// <summary>Checks every count is at least 1, B ≤ images per client and lr &gt; 0.</summary>
    /// <exception cref="ArgumentException">The first invalid setting.</exception>
    public void Validate()
    {
        if (Clients < 1 || ImagesPerClient < 1 || Rounds < 1 || LocalEpochs < 1 || TestImages < 1)
        {
            throw new ArgumentException(
                "utility training needs at least one client, image, round, epoch and test image");
        }

        if (LocalBatch < 1 || LocalBatch > ImagesPerClient)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"utility local batch must be from 1 to the {ImagesPerClient} images per client, got {LocalBatch}"));
        }

        if (!double.IsFinite(LearningRate) || LearningRate <= 0)
        {
            throw new ArgumentException($"utility learning rate must be positive, got {LearningRate}");
        }
    }

    /// <summary>"FedAvg, K=10 clients × 100 images, R=40 rounds, E=1, B=20, lr=0.1, 2000 test images".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"FedAvg, K={Clients} clients × {ImagesPerClient} images (IID), R={Rounds} rounds, E={LocalEpochs}, " +
        $"B={LocalBatch}, lr={LearningRate}, {TestImages} test images");
}
