using BlindSpot.Core.Catalog;

namespace BlindSpot.Ingestion.Deliveries;

/// <summary>One feed's delivered file, found on disk: plain <c>&lt;feed&gt;.csv</c> or gzip-compressed <c>&lt;feed&gt;.csv.gz</c>.</summary>
/// <param name="Feed">The catalog feed (or the roster) the file delivers.</param>
/// <param name="Path">Absolute path.</param>
/// <param name="RelativePath">Path under the data root with forward slashes, as reports and manifests record it.</param>
/// <param name="Sha256">SHA-256 of the file as delivered (compressed bytes for .gz).</param>
/// <param name="Length">Size in bytes as delivered.</param>
internal sealed record Delivery(FeedDefinition Feed, string Path, string RelativePath, string Sha256, long Length)
{
    public bool IsGzip => Path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
}
