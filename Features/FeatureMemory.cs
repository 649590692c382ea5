using BlindSpot.Core.Contracts;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Features;

/// <summary>
/// The heap the features stage needs for a roster of a given size. Its live data is ~280 bytes a person (dense roster
/// arrays, both quarters' aggregates, the change counters, the column buffers of two part writers), but left alone the
/// GC let a 9-million-person build grow to 4.3–4.6 GiB before collecting, over the stage's 4 GiB budget. A hard limit
/// of <see cref="BaseBytes"/> + <see cref="BytesPerPerson"/> × people (3.5 GB at 9 million) makes it collect in time,
/// measured 3.4 GiB peak and no slower (docs/BENCHMARKS.md). Exceeding it is an OutOfMemoryException: loud, not slow.
/// The limit is process-wide, and tests run the verb inside their own test host, so it is never below
/// <see cref="FloorBytes"/>.
/// Applied by the host through <see cref="Core.Stages.IHeapBudget"/> (<see cref="FeaturesStage"/>).
/// </summary>
public static class FeatureMemory
{
    public const long BaseBytes = 512L << 20;
    public const long BytesPerPerson = 330;
    public const long FloorBytes = 2L << 30;

    public static long HeapLimit(long people) => Math.Max(FloorBytes, BaseBytes + (BytesPerPerson * Math.Max(0, people)));

    /// <summary>The limit for the quarter's roster, from its buckets' Parquet footers (no rows are read); null when there is no roster yet.</summary>
    public static async Task<long?> HeapLimitAsync(DataRoot root, Quarter quarter, CancellationToken ct = default) =>
        await RosterFileReader.CountPeopleAsync(root, quarter, ct).ConfigureAwait(false) is { } people ? HeapLimit(people) : null;
}
