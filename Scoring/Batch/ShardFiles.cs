using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Scoring.Data;

namespace BlindSpot.Scoring.Batch;

/// <summary>Where shard results live: <c>scores/&lt;Q&gt;/shards/part-NNN.bin</c>, one per features part (one per 시도).</summary>
public static class ShardFiles
{
    public const string FolderName = "shards";

    public static string Folder(DataRoot root, Quarter quarter)
    {
        ArgumentNullException.ThrowIfNull(root);
        return Path.Combine(Path.GetDirectoryName(root.Scores(quarter, Variant.Household))!, FolderName);
    }

    public static string Shard(DataRoot root, Quarter quarter, string part) => Path.Combine(Folder(root, quarter), part + ".bin");

    /// <summary>The quarter's part names (<c>part-NNN</c>) in ordinal order: one shard each.</summary>
    public static IReadOnlyList<string> Parts(DataRoot root, Quarter quarter) =>
        [.. FeatureBuild.Load(root, quarter).PartFiles.Select(f => Path.GetFileNameWithoutExtension(f))];
}
