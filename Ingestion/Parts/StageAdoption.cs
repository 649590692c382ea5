using BlindSpot.Core.Runs;
using BlindSpot.Ingestion.Deliveries;
using BlindSpot.Ingestion.Reporting;

namespace BlindSpot.Ingestion.Parts;

/// <summary>
/// Part records for what the quarter's last completed ingest wrote as a whole (a data root ingested before ingest had
/// parts, or whose <c>ingest-parts/</c> was removed): each line of its ingest report whose delivery is still the scanned
/// one becomes its part's record, when the stage's record says it was written under the same catalog, pseudonym key,
/// options and buckets. Only parts without a record get one, and a record is trusted only as far as its files still
/// hash as recorded (<see cref="IngestPartWork"/> checks before skipping), so a Q-1 ingested before this change is kept,
/// not redone.
/// </summary>
internal static class StageAdoption
{
    /// <param name="record">The stage's last record before this run (the checkpoint's <c>StageRun.Previous</c>: by the time the
    /// stage runs, the manifest says running).</param>
    public static void Adopt(IngestContext context, StageRecord? record, IReadOnlyDictionary<string, string> stageValues, IReadOnlyDictionary<string, string> shared, DeliveryScan scan)
    {
        var (root, quarter) = (context.Root, context.Quarter);
        var report = IngestReport.Load(root.IngestReport(quarter));
        if (record is not { State: StageState.Completed } || report is null || report.Roster.OutputSha256 is not { } rosterOutput
            || stageValues.Any(v => record.Inputs.GetValueOrDefault("#" + v.Key) != v.Value))
        {
            return;
        }

        foreach (var line in report.All.Where(l => l.Status is FeedStatus.Ingested or FeedStatus.Skipped && l.Buckets.Count > 0))
        {
            var path = IngestPartFiles.Record(root, quarter, line.Feed);
            if (File.Exists(path) || !scan.Found.TryGetValue(line.Feed, out var delivery) || delivery.RelativePath != line.File || delivery.Sha256 != line.InputSha256)
            {
                continue;
            }

            var key = line.Feed == context.Catalog.Roster.Code ? IngestPartKey.Roster(shared, delivery) : IngestPartKey.Feed(shared, delivery, rosterOutput);
            new IngestPartRecord(key, line with { Status = FeedStatus.Ingested }).Save(path);
        }
    }
}
