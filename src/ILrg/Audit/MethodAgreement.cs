namespace ILrg.Audit;

/// <summary>How far the methods of an audit agree with one another, class by class.</summary>
/// <param name="InstanceWiseMethods">The methods compared on counts.</param>
/// <param name="CountAgreement">Fraction of classes on which every instance-wise method restored the same count.
/// </param>
/// <param name="CountDisagreements">The classes on which they did not (class indices, ascending).</param>
/// <param name="PresenceAgreement">Fraction of classes on which every method (class-wise ones included) made the same
/// present/absent decision.</param>
/// <param name="PresenceDisagreements">The classes on which they did not.</param>
public sealed record MethodAgreement(
    IReadOnlyList<string> InstanceWiseMethods,
    double CountAgreement,
    IReadOnlyList<int> CountDisagreements,
    double PresenceAgreement,
    IReadOnlyList<int> PresenceDisagreements)
{
    /// <summary>Compares the methods' counts class by class.</summary>
    public static MethodAgreement Of(IReadOnlyList<MethodAudit> methods)
    {
        ArgumentNullException.ThrowIfNull(methods);
        if (methods.Count == 0)
        {
            throw new ArgumentException("no method to compare", nameof(methods));
        }

        int c = methods[0].Counts.Count;
        MethodAudit[] counting = methods.Where(m => m.InstanceWise).ToArray();
        int[] countDisagree = Enumerable.Range(0, c)
            .Where(i => counting.Select(m => m.Counts[i]).Distinct().Count() > 1).ToArray();
        int[] presenceDisagree = Enumerable.Range(0, c)
            .Where(i => methods.Select(m => m.Counts[i] > 0).Distinct().Count() > 1).ToArray();
        return new MethodAgreement(
            counting.Select(m => m.Method).ToArray(),
            1.0 - (double)countDisagree.Length / c,
            countDisagree,
            1.0 - (double)presenceDisagree.Length / c,
            presenceDisagree);
    }
}
