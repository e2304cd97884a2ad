namespace ILrg.Cli;

/// <summary>Results finished so far, appended by the worker and read by the interruption handler (thread-safe).</summary>
/// <typeparam name="T">One finished unit (a trial, a claim outcome, a sweep point).</typeparam>
public sealed class Collected<T>
{
    private readonly List<T> _items = [];

    /// <summary>Adds a finished unit.</summary>
    public void Add(T item)
    {
        lock (_items)
        {
            _items.Add(item);
        }
    }

    /// <summary>Adds several finished units at once.</summary>
    public void AddRange(IEnumerable<T> items)
    {
        lock (_items)
        {
            _items.AddRange(items);
        }
    }

    /// <summary>A copy of what has finished.</summary>
    public IReadOnlyList<T> Snapshot()
    {
        lock (_items)
        {
            return [.. _items];
        }
    }
}
