namespace ILrg.Reporting;

/// <summary>A data set as a report names it.</summary>
/// <param name="Name">Its name, e.g. "mnist" or "synthetic (CIFAR-100-shaped)".</param>
/// <param name="Synthetic">True for a generated stand-in; every table labels its figures synthetic.</param>
/// <param name="Images">Number of images.</param>
/// <param name="Classes">Number of classes.</param>
public sealed record DatasetInfo(string Name, bool Synthetic, int Images, int Classes);
