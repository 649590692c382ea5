using System.Collections.Concurrent;

namespace BlindSpot.Scoring.Data;

/// <summary>
/// Row-group buffers handed from one part file to the next during one scoring run. A row group's columns are hundreds of
/// megabytes; allocating them afresh for each of 17 parts filled the large-object heap with garbage faster than the GC
/// returned it (peak RSS several GiB above the live data). Thread-safe; holds at most one buffer per concurrent reader.
/// </summary>
internal sealed class FeatureColumnsPool
{
    private readonly ConcurrentBag<FeatureColumns> free = [];

    /// <summary>A free buffer with room for <paramref name="capacity"/> rows and exactly the features <paramref name="read"/>, or a new one.</summary>
    public FeatureColumns Rent(int capacity, IReadOnlyList<int> read, int width)
    {
        var skipped = new List<FeatureColumns>();
        FeatureColumns? found = null;
        while (found is null && free.TryTake(out var candidate))
        {
            if (candidate.Capacity >= capacity && candidate.Reads(read, width))
            {
                found = candidate;
            }
            else
            {
                skipped.Add(candidate);
            }
        }

        // A buffer too small for this part is dropped, not kept: the next parts are no smaller on average.
        return found ?? new FeatureColumns(Math.Max(capacity, skipped.Select(s => s.Capacity).DefaultIfEmpty(0).Max()), read, width);
    }

    public void Return(FeatureColumns columns) => free.Add(columns);

    /// <summary>
    /// Drops every buffer. Call when the parts are done: the rest of a run continues on the stack of the last part's
    /// continuation, whose frames still reference the pool, so letting the pool go out of scope does not free them.
    /// </summary>
    public void Clear() => free.Clear();
}
