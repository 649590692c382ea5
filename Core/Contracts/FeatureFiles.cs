namespace BlindSpot.Core.Contracts;

/// <summary>
/// The names inside <c>features/&lt;Q&gt;/</c>: one part file per household bucket (<c>bucket=NNN/part-0.parquet</c>,
/// <see cref="BucketLayout"/>), each bucket's record, and the feature manifest. Features writes them; Scoring, the run
/// report and the checkpoint read them, listing the parts through <see cref="Partitioning.TableFiles"/>.
/// </summary>
public static class FeatureFiles
{
    /// <summary>Schema hash, rows, per-feed and per-feature statistics of a quarter's features, summed over its buckets.</summary>
    public const string ManifestFileName = "feature-manifest.json";

    /// <summary>Every part file of a bucket folder of a quarter's features.</summary>
    public const string PartPattern = BucketLayout.PartPattern;

    /// <summary>
    /// Beside each bucket's part: the key it was built for (its inputs' hashes and settings), the part's hash, and its
    /// counts and statistics, so a rerun skips a current bucket and the manifest sums buckets without reading them.
    /// </summary>
    public const string BucketRecordFileName = "_bucket.json";
}
