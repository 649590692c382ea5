using System.Globalization;

namespace BlindSpot.Core.Contracts;

/// <summary>
/// The Hive-style names of a bucketed table (roster, lake): <c>&lt;table folder&gt;/bucket=NNN/part-0.parquet</c>, and
/// the quarter's partitioning record beside the roster's buckets. DuckDB, pyarrow and Spark read such a folder as one
/// table with a <c>bucket</c> column (docs/ARCHITECTURE.md).
/// </summary>
public static class BucketLayout
{
    /// <summary>What every bucket folder's name starts with.</summary>
    public const string BucketFolderPrefix = "bucket=";

    /// <summary>The one file a bucket folder holds today (a later writer may add <c>part-1</c> …; readers take them all).</summary>
    public const string PartFileName = "part-0.parquet";

    /// <summary>Every part file of a bucket folder.</summary>
    public const string PartPattern = "part-*.parquet";

    /// <summary>The quarter's partitioning (number of buckets, how they are assigned): <c>roster/&lt;Q&gt;/_partitioning.json</c>.</summary>
    public const string PartitioningFileName = "_partitioning.json";

    /// <summary>
    /// Key-value metadata of a roster bucket file: the 시군구 code of each row group, comma-separated. Each row group holds
    /// one 시군구, so a reader of several buckets can give the rows in the roster's global order without reading them.
    /// </summary>
    public const string RowGroupSigunguKey = "blindspot.row_group_sigungu";

    /// <summary><c>bucket=007</c>.</summary>
    public static string BucketFolderName(int bucket)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bucket);
        return BucketFolderPrefix + bucket.ToString("D3", CultureInfo.InvariantCulture);
    }

    /// <summary>The bucket number of a folder named <c>bucket=NNN</c>; false for any other name.</summary>
    public static bool TryParseBucketFolder(string name, out int bucket)
    {
        bucket = -1;
        return name.StartsWith(BucketFolderPrefix, StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(BucketFolderPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out bucket);
    }
}
