using ILrg.Data;
using ILrg.Models;

namespace ILrg.Trials;

/// <summary>A model and data on which a defence's utility is measured.</summary>
/// <param name="Name">Label in tables and plots.</param>
/// <param name="Train">The clients' data.</param>
/// <param name="Test">The test data (the same request as <paramref name="Train"/>: test images held out of it).</param>
/// <param name="Model">The architecture.</param>
public sealed record UtilityTarget(string Name, DatasetRequest Train, DatasetRequest Test, ModelSpec Model);
