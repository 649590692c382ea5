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
    public static ParquetOptions ParquetOptions { get; } = new() { CompressionMethod = CompressionMethod.Snappy };

    /// <summary><paramref name="path"/> relative to the data root with forward slashes, as reports and manifests record it.</summary>
    public string Relative(string path) => Path.GetRelativePath(Root.Path, path).Replace('\\', '/');
}
