using BlindSpot.Core.Partitioning;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Dispatch.Discovery;

/// <summary>
/// The heap the discovery-index stage needs for a roster of a given size: its live data is ~130 bytes a person (the
/// dense columns of <see cref="DiscoveryPopulation"/>, ~64 B, and its two key indexes, ~56 B) plus one 시군구's
/// identities at a time; left alone the GC let a 9-million-person build reach 3.4 GiB. A hard limit of
/// <see cref="BaseBytes"/> + <see cref="BytesPerPerson"/> × people, never below <see cref="FloorBytes"/> (tests run the verb
/// in their own host), makes it collect in time. Applied by the host through <see cref="Core.Stages.IHeapBudget"/>.
/// </summary>
public static class DiscoveryMemory
{
    public const long BaseBytes = 512L << 20;
    public const long BytesPerPerson = 170;
    public const long FloorBytes = 2L << 30;

    public static long HeapLimit(long people) => Math.Max(FloorBytes, BaseBytes + (BytesPerPerson * Math.Max(0, people)));

    /// <summary>
    /// The limit for the quarter's roster, from the people per bucket its partitioning record holds (as
    /// <c>FeatureMemory</c> reads it); null when there is no roster record yet.
    /// </summary>
    public static Task<long?> HeapLimitAsync(DataRoot root, Quarter quarter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(PartitioningRecord.Load(root.Partitioning(quarter)) is { People.Count: > 0 } record ? HeapLimit(record.People.Sum()) : (long?)null);
    }
}
