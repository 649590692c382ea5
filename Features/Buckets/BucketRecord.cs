using BlindSpot.Core.Files;
using System.Text.Json;

namespace BlindSpot.Features.Buckets;

/// <summary>
/// <c>features/&lt;Q&gt;/bucket=NNN/_bucket.json</c>: what one bucket's build wrote and for which inputs. A rerun whose key
/// is the same and whose part still has <see cref="PartSha256"/> skips the bucket; the manifest sums these records, so
/// it never reads a part. No timings: same inputs, same bytes. Immutable.
/// </summary>
internal sealed record BucketRecord
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // An empty bucket's minimum is +∞ and its maximum −∞.
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public required int Bucket { get; init; }

    /// <summary>SHA-256 over the bucket's input files and settings (<see cref="BucketKey"/>).</summary>
    public required string Key { get; init; }

    /// <summary>SHA-256 of <c>part-0.parquet</c> as written.</summary>
    public required string PartSha256 { get; init; }

    public required long Rows { get; init; }

    /// <summary>The previous quarter's lake was read for the change features.</summary>
    public required bool HasPrevious { get; init; }

    /// <summary>Per feed in catalog order: its bucket had files, lake rows, rows whose key is not in the bucket's roster, units with a record.</summary>
    public required IReadOnlyList<FeatureManifest.FeedEntry> Feeds { get; init; }

    /// <summary>Per feature in schema order.</summary>
    public required IReadOnlyList<ColumnStatistics> Statistics { get; init; }

    /// <summary>Writes the record through a temporary file, so a crash leaves the old record or the new one.</summary>
    public void Save(string path) => JsonRecordFile.Save(path, this, Json);

    /// <summary>The record at <paramref name="path"/>, or null when there is none or it cannot be read (the bucket is then built again).</summary>
    public static BucketRecord? TryLoad(string path) => JsonRecordFile.TryLoad<BucketRecord>(path, Json);

    /// <summary>One feature's running totals in one bucket (the state of <see cref="Writing.FeatureStatistics"/>).</summary>
    public sealed record ColumnStatistics(double Min, double Max, double Sum, long NonZero, long Rows);
}
