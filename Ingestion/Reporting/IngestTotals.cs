namespace BlindSpot.Ingestion.Reporting;

/// <summary>Sums over the roster and every feed of a run.</summary>
public sealed record IngestTotals
{
    public int Feeds { get; init; }

    public int Ingested { get; init; }

    public int Skipped { get; init; }

    public int Missing { get; init; }

    public int Failed { get; init; }

    public long RowsRead { get; init; }

    public long Accepted { get; init; }

    public long Rejected { get; init; }

    public long Duplicates { get; init; }

    public long UnknownKeys { get; init; }

    public static IngestTotals Of(IReadOnlyList<FeedReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        return new IngestTotals
        {
            Feeds = reports.Count,
            Ingested = reports.Count(r => r.Status == FeedStatus.Ingested),
            Skipped = reports.Count(r => r.Status == FeedStatus.Skipped),
            Missing = reports.Count(r => r.Status == FeedStatus.Missing),
            Failed = reports.Count(r => r.Status == FeedStatus.Failed),
            RowsRead = reports.Sum(r => r.RowsRead),
            Accepted = reports.Sum(r => r.Accepted),
            Rejected = reports.Sum(r => r.Rejected),
            Duplicates = reports.Sum(r => r.Duplicates),
            UnknownKeys = reports.Sum(r => r.UnknownKeys),
        };
    }
}
