namespace BlindSpot.Ingestion.Reporting;

/// <summary>
/// One feed's line in <c>ingest-report.json</c>. Immutable. Reconciled when read = accepted + rejected + duplicates and
/// the rows written to the buckets sum to the accepted.
/// </summary>
public sealed record FeedReport
{
    public required string Feed { get; init; }

    public required string Source { get; init; }

    public bool Required { get; init; }

    public FeedStatus Status { get; init; }

    /// <summary>The file read, relative to the data root, or null when missing.</summary>
    public string? File { get; init; }

    /// <summary>How the bytes were decoded: cp949, utf-8 or "utf-8 (BOM)".</summary>
    public string? Encoding { get; init; }

    /// <summary>
    /// Non-blank physical lines after the header. Equals <see cref="RowsRead"/> unless a quoted field spans lines; a
    /// disagreement beyond <c>IngestOptions.MaxUnmatchedLines</c> fails the feed.
    /// </summary>
    public long Lines { get; init; }

    /// <summary>Data records read (header and empty lines not counted).</summary>
    public long RowsRead { get; init; }

    public long Accepted { get; init; }

    public long Rejected { get; init; }

    /// <summary>Records identical to an earlier record of the same file, dropped.</summary>
    public long Duplicates { get; init; }

    /// <summary>Accepted records whose valid key is not in the quarter's roster (kept in the lake; features drop them).</summary>
    public long UnknownKeys { get; init; }

    public string? InputSha256 { get; init; }

    /// <summary>The written files' hashes combined (<see cref="BucketReport.Combined"/>); each file's is in <see cref="Buckets"/>.</summary>
    public string? OutputSha256 { get; init; }

    /// <summary>Rows and file hash per bucket written, bucket order; empty when nothing was written.</summary>
    public IReadOnlyList<BucketReport> Buckets { get; init; } = [];

    public long DurationMs { get; init; }

    /// <summary>Why the feed failed or is missing, with what to do.</summary>
    public string? Error { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Read = accepted + rejected + duplicates, and the buckets' rows (when written) add up to the accepted.</summary>
    public bool Reconciled => RowsRead == Accepted + Rejected + Duplicates && (Buckets.Count == 0 || Buckets.Sum(b => b.Accepted) == Accepted);
}
