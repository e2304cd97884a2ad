namespace ILrg.Performance;

/// <summary>
/// The wall times of the paper's original PyTorch code that <c>ilrg bench</c> compares against (issue 13), the only
/// place they are written down. They were measured on this project's 2-core machine with PyTorch 1.13 on the CPU with 2
/// threads; a trial figure is (time of T trials − time of 1) / (T − 1), so the first trial's warm-up is left out as
/// ILrg's bench leaves out its first trial.
/// </summary>
public static class ReferenceTimings
{
    /// <summary>Where the figures come from, for reports.</summary>
    public const string Provenance =
        "the paper's original PyTorch code measured on this machine (issue 13): PyTorch 1.13, CPU, 2 threads; " +
        "per trial = (time of T trials - time of 1) / (T - 1)";

    /// <summary>FCN-3 on MNIST, N = 24: 17 ms per trial (issue 13).</summary>
    public const double FcnMnist24Ms = 17;

    /// <summary>LeNet-5 on CIFAR-100-shaped data, N = 24: 53 ms per trial (issue 13).</summary>
    public const double LeNet5Cifar100N24Ms = 53;

    /// <summary>LeNet-5 on CIFAR-100-shaped data, N = 1024: 232 ms per trial (issue 13).</summary>
    public const double LeNet5Cifar100N1024Ms = 232;

    /// <summary>VGG-16 on CIFAR-100-shaped data, N = 64: 2450 ms per trial (issue 13).</summary>
    public const double Vgg16Cifar100N64Ms = 2450;

    /// <summary>ResNet-18 on CIFAR-100-shaped data, N = 24: 242 ms per trial (issue 13).</summary>
    public const double ResNet18Cifar100N24Ms = 242;

    /// <summary>The restoration step alone at C = 1000, d = 2048: 11.2 s (issue 13).</summary>
    public const double RestoreC1000D2048Ms = 11_200;
}
