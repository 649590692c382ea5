using BlindSpot.Core.Partitioning;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Dispatch.Discovery;

/// <summary>
/// The heap the discovery-index stage needs: it builds one bucket at a time (issue 17; one a core read ahead), so its live data is ~130 bytes a
/// person of each bucket in memory (the dense columns of <see cref="DiscoveryPopulation"/>, ~64 B, and its two key
/// indexes, ~56 B), plus <see cref="BytesPerCandidate"/> a roster person for the candidates' keys and 시군구
/// (<see cref="DiscoveryCandidates"/>, sized to the roster), plus one 시군구's identities at a time. A hard limit of
/// <see cref="BaseBytes"/> + <see cref="BytesPerPerson"/> × the largest bucket × <see cref="BucketsInMemory"/> (buckets are
/// read one a core at once) + <see cref="BytesPerCandidate"/> × people,
/// never below <see cref="FloorBytes"/> (tests run the verb in their own host), makes the GC collect in time. Applied by
/// the host through <see cref="Core.Stages.IHeapBudget"/>.
/// </summary>
public static class DiscoveryMemory
{
    public const long BaseBytes = 512L << 20;
    public const long BytesPerPerson = 170;
    public const long BytesPerCandidate = 10;
    public const long FloorBytes = 2L << 30;

    /// <summary>The limit for a roster of <paramref name="people"/> whose largest bucket holds <paramref name="largestBucket"/>.</summary>
    public static long HeapLimit(long largestBucket, long people) =>
        Math.Max(FloorBytes, BaseBytes + (BytesPerPerson * BucketsInMemory * Math.Max(0, largestBucket)) + (BytesPerCandidate * Math.Max(0, people)));

    /// <summary>Buckets held at once: those being read (<see cref="DiscoveryIndexBuilder.ReadAhead"/>, one a core) and the one being spilled.</summary>
    public static int BucketsInMemory => DiscoveryIndexBuilder.ReadAhead + 1;

    /// <summary>
    /// The limit for the quarter's roster, from the people per bucket its partitioning record holds (as
    /// <c>FeatureMemory</c> reads it); null when there is no roster record yet.
    /// </summary>
    public static Task<long?> HeapLimitAsync(DataRoot root, Quarter quarter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(PartitioningRecord.Load(root.Partitioning(quarter)) is { People.Count: > 0 } record ? HeapLimit(record.People.Max(), record.People.Sum()) : (long?)null);
    }
}
