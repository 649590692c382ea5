using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlindSpot.Features;

/// <summary>
/// <c>features/&lt;Q&gt;/feature-manifest.json</c>: the schema (names, types, hash), the bucket parts, what each feed
/// contributed, and per feature min, max, mean and share non-zero for drift monitoring, summed over the buckets. No timings: same input, same bytes.
/// </summary>
public sealed record FeatureManifest
{
    public const string FileName = Core.Contracts.FeatureFiles.ManifestFileName;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public required string Quarter { get; init; }

    public required string CatalogVersion { get; init; }

    /// <summary>SHA-256 of the ordered feature names and types; models record it and refuse another.</summary>
    public required string SchemaHash { get; init; }

    /// <summary>The previous quarter compared with for the change features, or null when its lake was absent.</summary>
    public string? PreviousQuarter { get; init; }

    public required long Rows { get; init; }

    public required IReadOnlyList<PartitionEntry> Partitions { get; init; }

    public required IReadOnlyList<FeedEntry> Feeds { get; init; }

    public required IReadOnlyList<FeatureEntry> Features { get; init; }

    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static FeatureManifest Load(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<FeatureManifest>(stream, Json) ?? throw new InvalidDataException($"{path}: empty feature manifest.");
    }

    /// <summary>One bucket's part: its path under the quarter's folder (<c>bucket=NNN/part-0.parquet</c>), the bucket and its rows.</summary>
    public sealed record PartitionEntry(string File, int Bucket, long Rows);

    /// <summary>What one feed gave: lake rows, rows whose key was not on the roster, and units with a record.</summary>
    public sealed record FeedEntry(string Code, bool Present, long Rows, long UnknownKeys, long Units);

    public sealed record FeatureEntry(string Name, string Type, Schema.FeatureKind Kind, string Description, double Min, double Max, double Mean, double NonZeroShare);
}
