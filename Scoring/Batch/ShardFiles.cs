using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Scoring.Data;

namespace BlindSpot.Scoring.Batch;

/// <summary>
/// Where shard results live: <c>scores/&lt;Q&gt;/shards/bucket=NNN.bin</c>, one per features bucket: the bucket's scores
/// and its local top candidates, which the reduce merges into the national ranking.
/// </summary>
public static class ShardFiles
{
    public const string FolderName = "shards";

    public static string Folder(DataRoot root, Quarter quarter)
    {
        ArgumentNullException.ThrowIfNull(root);
        return Path.Combine(Path.GetDirectoryName(root.Scores(quarter, Variant.Household))!, FolderName);
    }

    public static string Shard(DataRoot root, Quarter quarter, string part) => Shard(Folder(root, quarter), part);

    /// <summary>The shard of <paramref name="part"/> in <paramref name="folder"/>.</summary>
    public static string Shard(string folder, string part) => Path.Combine(folder, part + ".bin");

    /// <summary>
    /// Where the single-process scorer keeps its shards while it runs (<c>scores/&lt;Q&gt;/.shards-in-process/</c>), deleted
    /// when it ends: apart from the shard jobs' folder, because its parts share one candidate bar, so its shards keep
    /// fewer candidates than a shard job's and must never pass for them (a shard job's shard is the same bytes for the same key).
    /// </summary>
    public static string InProcessFolder(DataRoot root, Quarter quarter)
    {
        ArgumentNullException.ThrowIfNull(root);
        return Path.Combine(Path.GetDirectoryName(root.Scores(quarter, Variant.Household))!, ".shards-in-process");
    }

    /// <summary>The quarter's part names (<c>bucket=NNN</c>, the features bucket folders) in bucket order: one shard each.</summary>
    public static IReadOnlyList<string> Parts(DataRoot root, Quarter quarter) => [.. FeatureBuild.Load(root, quarter).Parts.Select(PartName).Distinct()];

    /// <summary>The shard name of a features part: its bucket folder's name.</summary>
    internal static string PartName(Core.Partitioning.BucketFile part) => Core.Contracts.BucketLayout.BucketFolderName(part.Bucket);
}
