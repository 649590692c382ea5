using BlindSpot.Core.Contracts;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Core.Partitioning;

/// <summary>
/// The one lister of a bucketed table's files: every reader of the roster or the lake asks here, for all buckets or some.
/// Files come in bucket order, then part-file order, which is the order the roster's and lake's contracts speak of.
/// Reads the folder listing only; an absent table is an empty list.
/// </summary>
public static class TableFiles
{
    /// <summary>
    /// The roster's part files of <paramref name="quarter"/> (all buckets, or those in <paramref name="buckets"/>). When the
    /// quarter's <c>_partitioning.json</c> is there, every bucket it names must have a file: a lost bucket folder would
    /// otherwise be a smaller population, read without a word (<see cref="InvalidDataException"/> naming the bucket).
    /// </summary>
    public static IReadOnlyList<BucketFile> Roster(DataRoot root, Quarter quarter, IReadOnlyCollection<int>? buckets = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var files = InFolder(root.RosterFolder(quarter), buckets);
        if (PartitioningRecord.Load(root.Partitioning(quarter)) is { } record)
        {
            var present = files.Select(f => f.Bucket).ToHashSet();
            var missing = Enumerable.Range(0, record.Buckets).Where(b => (buckets is null || buckets.Contains(b)) && !present.Contains(b)).ToList();
            if (missing.Count > 0 || present.Any(b => b >= record.Buckets))
            {
                throw new InvalidDataException(
                    $"{root.RosterFolder(quarter)}: {root.Partitioning(quarter)} says {record.Buckets} buckets, but {(missing.Count > 0 ? $"{Contracts.BucketLayout.BucketFolderName(missing[0])} has no roster file" : "there are buckets beyond them")}; re-ingest the quarter.");
            }
        }

        return files;
    }

    /// <summary>One feed's lake part files of <paramref name="quarter"/> (all buckets, or those in <paramref name="buckets"/>).</summary>
    public static IReadOnlyList<BucketFile> Lake(DataRoot root, Quarter quarter, string feedCode, IReadOnlyCollection<int>? buckets = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        return InFolder(root.LakeFeedFolder(quarter, feedCode), buckets);
    }

    /// <summary>The part files under <c>bucket=NNN/</c> folders of <paramref name="tableFolder"/>.</summary>
    public static IReadOnlyList<BucketFile> InFolder(string tableFolder, IReadOnlyCollection<int>? buckets = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tableFolder);
        if (!Directory.Exists(tableFolder))
        {
            return [];
        }

        var files = new List<BucketFile>();
        var folders = Directory.GetDirectories(tableFolder)
            .Select(folder => BucketLayout.TryParseBucketFolder(Path.GetFileName(folder), out var bucket) ? (bucket, folder) : (bucket: -1, folder))
            .Where(f => f.bucket >= 0 && (buckets is null || buckets.Contains(f.bucket)))
            .OrderBy(f => f.bucket);
        foreach (var (bucket, folder) in folders)
        {
            files.AddRange(Directory.GetFiles(folder, BucketLayout.PartPattern).Order(StringComparer.Ordinal).Select(path => new BucketFile(bucket, path)));
        }

        return files;
    }

    /// <summary>Paths only, in the same order.</summary>
    public static IReadOnlyList<string> Paths(this IReadOnlyList<BucketFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return [.. files.Select(f => f.Path)];
    }
}
