using System.Text.Json;
using BlindSpot.Core.Partitioning;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Scoring.Data;

/// <summary>
/// What Scoring needs from <c>features/&lt;Q&gt;/feature-manifest.json</c>: the ordered feature list and the schema hash.
/// Read with its own small shape so Scoring does not reference the Features stage.
/// </summary>
public sealed record FeatureBuild(Quarter Quarter, string SchemaHash, IReadOnlyList<FeatureInfo> Features, string Folder, long Rows)
{
    public const string ManifestFileName = "feature-manifest.json";

    public IReadOnlyList<string> Names => [.. Features.Select(f => f.Name)];

    /// <summary>The part files of every bucket (<c>bucket=NNN/part-0.parquet</c>), in bucket order, so every reader sees rows in the same order.</summary>
    public IReadOnlyList<BucketFile> Parts => TableFiles.InFolder(Folder);

    /// <summary>The paths of <see cref="Parts"/>.</summary>
    public IReadOnlyList<string> PartFiles => Parts.Paths();

    /// <summary>The newest quarter under <c>features/</c> with a manifest: the "current features build" promote checks against.</summary>
    public static FeatureBuild Latest(DataRoot root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var folder = Path.Combine(root.Path, "features");
        var newest = Directory.Exists(folder)
            ? Directory.GetDirectories(folder)
                .Select(d => Quarter.TryParse(Path.GetFileName(d), null, out var q) && File.Exists(Path.Combine(d, ManifestFileName)) ? q : (Quarter?)null)
                .Where(q => q is not null).Max()
            : null;
        return newest is { } quarter ? Load(root, quarter) : throw new FileNotFoundException($"{folder}: no features built yet; run 'blindspot features <quarter>' first.");
    }

    public static FeatureBuild Load(DataRoot root, Quarter quarter)
    {
        ArgumentNullException.ThrowIfNull(root);
        var folder = root.FeaturesFolder(quarter);
        var path = Path.Combine(folder, ManifestFileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no features for {quarter}; run 'blindspot features {quarter}' first.", path);
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var json = document.RootElement;
        var hash = json.GetProperty("schemaHash").GetString() ?? throw new InvalidDataException($"{path}: schemaHash is missing.");
        var features = json.GetProperty("features").EnumerateArray()
            .Select(f => new FeatureInfo(f.GetProperty("name").GetString()!, f.GetProperty("kind").GetString() ?? ""))
            .ToArray();
        if (features.Length == 0)
        {
            throw new InvalidDataException($"{path}: the feature list is empty.");
        }

        var rows = json.TryGetProperty("rows", out var count) ? count.GetInt64() : 0;
        return new FeatureBuild(quarter, hash, features, folder, rows);
    }
}
