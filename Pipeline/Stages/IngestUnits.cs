using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Stages;
using BlindSpot.Ingestion;

namespace BlindSpot.Pipeline.Stages;

/// <summary>
/// Ingest of the quarter, and first of the quarter before whenever its deliveries are there (the features stage compares
/// the two for change features, and its accepted counts are the baseline of this quarter's volume checks). The quarter
/// before is a checkpointed unit like any other, recorded in its own run manifest: skipped only when that manifest records
/// a completed ingest of exactly these deliveries with intact outputs, so a Q-1 killed mid-ingest is redone (to the same
/// bytes) and an invalid Q-1 fails this run every time, not only the first.
/// </summary>
/// <remarks>With <c>fromParts</c>, each unit is the reduce (<see cref="IngestStage.FromParts"/>) of the parts
/// <see cref="IngestBuckets"/> ran as jobs, for both quarters.</remarks>
internal sealed class IngestUnits(FeedCatalog catalog, Pseudonymizer pseudonymizer, TimeProvider time, int? buckets = null, bool fromParts = false) : IPipelineStage
{
    private readonly IngestStage stage = fromParts ? IngestStage.FromParts(Options(catalog, pseudonymizer, time, buckets)) : new(Options(catalog, pseudonymizer, time, buckets));

    public string Name => StageNames.Ingest;

    public IReadOnlyList<StageUnit> Units(DataRoot root, Quarter quarter) => [.. Quarters(root, quarter).Select(q => new StageUnit(stage, q))];

    /// <summary>The quarters a run of <paramref name="quarter"/> ingests, in order: the quarter before when it was delivered, then the quarter.</summary>
    public static IReadOnlyList<Quarter> Quarters(DataRoot root, Quarter quarter) => Directory.Exists(root.RawFolder(quarter.Previous))
        ? [quarter.Previous, quarter]
        : [quarter];

    /// <summary>The ingest settings the pipeline runs with.</summary>
    public static IngestOptions Options(FeedCatalog catalog, Pseudonymizer pseudonymizer, TimeProvider time, int? buckets) =>
        new() { Catalog = catalog, Pseudonymizer = pseudonymizer, Time = time, Buckets = buckets };
}
