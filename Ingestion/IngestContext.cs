using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using Parquet;

namespace BlindSpot.Ingestion;

/// <summary>What every feed of one ingest run shares: quarter, paths, catalog, key, clock, Parquet settings. Immutable.</summary>
internal sealed record IngestContext(Quarter Quarter, DataRoot Root, FeedCatalog Catalog, Pseudonymizer Pseudonymizer, TimeProvider Time, int RowGroupSize)
{
    /// <summary>Snappy: fast and read by DuckDB, pyarrow and Spark alike.</summary>
    /// <remarks>
    /// Parquet.Net keeps freed page streams in a pool that is unbounded by default; 64 MB caps what two writers
    /// at a time may hold on to, within the stage's 2 GiB budget.
    /// </remarks>
    public static ParquetOptions ParquetOptions { get; } = new()
    {
        CompressionMethod = CompressionMethod.Snappy,
        MaximumSmallPoolFreeBytes = 16 << 20,
        MaximumLargePoolFreeBytes = 64 << 20,
    };

    /// <summary>See <see cref="IngestOptions.MaxLineBytes"/>.</summary>
    public int MaxLineBytes { get; init; } = 65_536;

    /// <summary>See <see cref="IngestOptions.Buckets"/>: null for one bucket per 500,000 people of the roster.</summary>
    public int? Buckets { get; init; }

    /// <summary>See <see cref="IngestOptions.MaxUnmatchedLines"/>.</summary>
    public int MaxUnmatchedLines { get; init; }

    /// <summary><paramref name="path"/> relative to the data root with forward slashes, as reports and manifests record it.</summary>
    public string Relative(string path) => Root.Relative(path);
}
