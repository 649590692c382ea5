using BlindSpot.Core.Telemetry;

namespace BlindSpot.Ingestion.Reporting;

/// <summary>The ingest report's reconciliation as metrics: rows read, accepted, quarantined and duplicate per feed (the roster as "roster").</summary>
internal static class IngestMetrics
{
    public static void Record(IngestReport report)
    {
        foreach (var feed in report.All)
        {
            BlindSpotTelemetry.FeedRows(feed.Feed, report.Quarter, feed.RowsRead, feed.Accepted, feed.Rejected, feed.Duplicates);
        }
    }
}
