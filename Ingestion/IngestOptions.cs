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

    /// <summary>Feeds read at once, 1–64. Default 2 (this machine's cores).</summary>
    public int MaxParallelFeeds { get; set; } = 2;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(DataRoot);
        if (Pseudonymizer is null)
        {
            throw new ArgumentException("IngestOptions.Pseudonymizer is required: use Pseudonymizer.FromEnvironment.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(RowGroupSize, 1_000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(RowGroupSize, 10_000_000);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxParallelFeeds, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxParallelFeeds, 64);
    }
}
