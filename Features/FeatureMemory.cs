using BlindSpot.Core.Partitioning;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Features;

/// <summary>
/// The heap the features stage needs. A bucket's build holds ~280 bytes a person of its bucket (dense roster arrays,
/// both quarters' aggregates, the change counters, the column buffers of its writer), and <c>workers</c> buckets are
/// built at once; left alone the GC let a whole-population build grow far past its live data before collecting, so a
/// hard limit of <see cref="BaseBytes"/> + <see cref="BytesPerPerson"/> × (people of the largest <c>workers</c>
/// buckets) makes it collect in time. It follows the bucket size, not the population. Exceeding it is an
/// OutOfMemoryException: loud, not slow. The limit is process-wide, and tests run the verb inside their own test host,
/// so it is never below <see cref="FloorBytes"/>.
/// Applied by the host through <see cref="Core.Stages.IHeapBudget"/> (<see cref="FeaturesStage"/>).
/// </summary>
public static class FeatureMemory
{
    public const long BaseBytes = 512L << 20;
    public const long BytesPerPerson = 330;
    public const long FloorBytes = 2L << 30;

    public static long HeapLimit(long people) => Math.Max(FloorBytes, BaseBytes + (BytesPerPerson * Math.Max(0, people)));

    /// <summary>
    /// The limit for building <paramref name="workers"/> of the quarter's buckets at once, from its partitioning record
    /// (people per bucket); null when there is no roster record yet.
    /// </summary>
    public static Task<long?> HeapLimitAsync(DataRoot root, Quarter quarter, int workers, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        ct.ThrowIfCancellationRequested();
        var record = PartitioningRecord.Load(root.Partitioning(quarter));
        if (record is null || record.People.Count == 0)
        {
            return Task.FromResult<long?>(null);
        }

        var largest = record.People.OrderDescending().Take(Math.Max(1, workers)).Sum();
        return Task.FromResult<long?>(HeapLimit(largest));
    }
}
