using System.Globalization;

namespace BlindSpot.Core.Contracts;

/// <summary>
/// The names inside <c>features/&lt;Q&gt;/</c>: one part file per 시도 and the feature manifest. Features writes them;
/// Scoring, the run report and the checkpoint read them.
/// </summary>
public static class FeatureFiles
{
    /// <summary>Schema hash, rows, per-feed and per-feature statistics of a quarter's features.</summary>
    public const string ManifestFileName = "feature-manifest.json";

    /// <summary>Every part file of a quarter's features.</summary>
    public const string PartPattern = "part-*.parquet";

    /// <summary><c>part-011.parquet</c> for 시도 11: the file name carries the 시도 code.</summary>
    public static string PartFileName(string sidoCode) => $"part-{int.Parse(sidoCode, CultureInfo.InvariantCulture):D3}.parquet";
}
