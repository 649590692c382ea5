using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Ingestion;

/// <summary>What one ingest run needs. Mutable only until <see cref="IngestJob"/> validates it.</summary>
public sealed class IngestOptions
{
    /// <summary>The quarter to ingest. Required.</summary>
    public Quarter Quarter { get; set; }

    /// <summary>The data root (raw/, roster/, lake/, quarantine/, runs/ under it). Required.</summary>
    public string DataRoot { get; set; } = "";

    /// <summary>The feed catalog. Defaults to the catalog built in.</summary>
    public FeedCatalog? Catalog { get; set; }

    /// <summary>The pseudonym key. Required; use <see cref="Pseudonymizer.FromEnvironment"/>.</summary>
    public Pseudonymizer? Pseudonymizer { get; set; }

    /// <summary>Clock for durations and manifest times. Defaults to <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>Rows per Parquet row group, 1 000–10 000 000. Default 1 000 000: large for readers, bounded for memory.</summary>
    public int RowGroupSize { get; set; } = 1_000_000;

    /// <summary>Feeds read at once, 1–64. Default: the machine's cores (<see cref="Environment.ProcessorCount"/>, at most 64).</summary>
    public int MaxParallelFeeds { get; set; } = Math.Min(64, Environment.ProcessorCount);

    /// <summary>
    /// Buckets the quarter is split into (<see cref="Core.Partitioning.Buckets"/>), 1–999; null (the default) for one per
    /// 500,000 people of the roster. Changes every roster and lake file, so it is part of the stage's checkpoint key.
    /// </summary>
    public int? Buckets { get; set; }

    /// <summary>
    /// The longest delivery line (one record), in bytes, 1 024–1 048 576. Default 65 536: a thousand times a typical row.
    /// A longer line is quarantined with its line number and the reader goes on at the next line; beyond 1 MiB the line
    /// is not even decoded and only its first 200 bytes are kept in quarantine.
    /// </summary>
    public int MaxLineBytes { get; set; } = 65_536;

    /// <summary>
    /// How many non-blank physical lines of a delivery may fail to become a record, 0–1 000 000. Default 0: every line
    /// after the header must be read as exactly one record (accepted, quarantined or a duplicate), else the feed fails.
    /// </summary>
    public int MaxUnmatchedLines { get; set; }

    /// <summary>
    /// The largest change of the roster's accepted count against the previous quarter's ingest report, as a fraction,
    /// 0.001–10. Default 0.05 (5 %): a real population changes by well under 1 % a quarter, so more is a damaged delivery.
    /// </summary>
    public double MaxRosterChange { get; set; } = 0.05;

    /// <summary>
    /// The largest change of a feed's accepted count against the previous quarter's, as a fraction, 0.001–10. Default 0.25
    /// (25 %). A change within four standard deviations of Poisson noise (4·√previous rows) is never flagged, so small
    /// feeds are not failed for ordinary quarter-to-quarter variation.
    /// </summary>
    public double MaxFeedChange { get; set; } = 0.25;

    /// <summary>
    /// The operator has checked a volume change beyond <see cref="MaxRosterChange"/> or <see cref="MaxFeedChange"/> and
    /// accepts it (<c>blindspot ingest --accept-volume-change</c>): the change is recorded in the ingest report and the
    /// run manifest instead of failing the stage. Default false.
    /// </summary>
    public bool AcceptVolumeChange { get; set; }

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(DataRoot);
        ValidateSettings();
    }

    /// <summary>Everything but the quarter and the data root, which the checkpoint gives <see cref="IngestStage"/>.</summary>
    internal void ValidateSettings()
    {
        if (Pseudonymizer is null)
        {
            throw new ArgumentException("IngestOptions.Pseudonymizer is required: use Pseudonymizer.FromEnvironment.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(RowGroupSize, 1_000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(RowGroupSize, 10_000_000);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxParallelFeeds, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxParallelFeeds, 64);
        if (Buckets is { } buckets)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 1, nameof(Buckets));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(buckets, Core.Partitioning.Buckets.Max, nameof(Buckets));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLineBytes, 1_024);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxLineBytes, Reading.DecodingStream.ChunkSize);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxUnmatchedLines);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxUnmatchedLines, 1_000_000);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRosterChange, 0.001);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxRosterChange, 10);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFeedChange, 0.001);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxFeedChange, 10);
    }
}
