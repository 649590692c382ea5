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
internal sealed class IngestUnits(FeedCatalog catalog, Pseudonymizer pseudonymizer, TimeProvider time, int? buckets = null) : IPipelineStage
{
    private readonly IngestStage stage = new(new IngestOptions { Catalog = catalog, Pseudonymizer = pseudonymizer, Time = time, Buckets = buckets });

    public string Name => StageNames.Ingest;

    public IReadOnlyList<StageUnit> Units(DataRoot root, Quarter quarter) => Directory.Exists(root.RawFolder(quarter.Previous))
        ? [new StageUnit(stage, quarter.Previous), new StageUnit(stage, quarter)]
        : [new StageUnit(stage, quarter)];
}
