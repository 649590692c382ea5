using System.Security.Cryptography;
using System.Text;

namespace BlindSpot.Ingestion.Reporting;

/// <summary>What one bucket of the roster or of a feed received: rows written and the file's SHA-256. Immutable.</summary>
public sealed record BucketReport
{
    public required int Bucket { get; init; }

    /// <summary>Rows written to the bucket's file; summed over the buckets they are the feed's accepted rows.</summary>
    public required long Accepted { get; init; }

    public required string Sha256 { get; init; }

    /// <summary>One hash for all the buckets' files (SHA-256 of "bucket:hash" lines), the feed's <c>outputSha256</c>.</summary>
    public static string Combined(IReadOnlyList<BucketReport> buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var lines = string.Concat(buckets.Select(b => $"{b.Bucket}:{b.Sha256}\n"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines)));
    }
}
