using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Hashing;
using BlindSpot.Core.Partitioning;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Features.Buckets;

/// <summary>
/// The files one bucket's features are built from: its roster file, each feed's lake file of the bucket, and the
/// previous quarter's lake files of the buckets overlapping it (that quarter may have another B). A household's rows are
/// in the same key range in both quarters, as the assignment is the household key's range, so the change features of a
/// household read no other bucket. One limit: a person-keyed row of the previous quarter lies in the bucket of the
/// household the person had then; a person who moved to a household of another bucket has their previous rows there,
/// so their change features see no previous record (docs/ARCHITECTURE.md, "Buckets"). With the catalog's history
/// features, <see cref="Earlier"/> holds the two quarters before the previous one the same way (null where that
/// quarter has no lake). <see cref="KeyAsync"/> hashes the files with the settings that change the bytes.
/// </summary>
internal sealed record BucketInputs(int Bucket, IReadOnlyList<string> Roster, IReadOnlyList<IReadOnlyList<string>> Current, IReadOnlyList<IReadOnlyList<string>>? Previous)
{
    /// <summary>The lakes 2 and 3 quarters back (index 0 and 1), for the history window; empty without history features.</summary>
    public IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>?> Earlier { get; init; } = [];

    // Raised when the part's bytes change for the same inputs (layout, writer), so old buckets are built again.
    private const int FormatVersion = 1;

    public static BucketInputs Of(DataRoot root, Quarter quarter, int bucket, FeedCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(catalog);
        int[] only = [bucket];
        var roster = TableFiles.Roster(root, quarter, only).Paths();
        var current = catalog.Feeds.Select(f => TableFiles.Lake(root, quarter, f.Code, only).Paths()).ToArray();
        var earlier = new List<IReadOnlyList<IReadOnlyList<string>>?>();
        if (catalog.HistoryFeatures)
        {
            for (var (back, q) = (2, quarter.Previous.Previous); back < Aggregation.WindowHistory.Quarters; back++, q = q.Previous)
            {
                earlier.Add(EarlierLake(root, quarter, q, bucket, catalog));
            }
        }

        return new BucketInputs(bucket, roster, current, EarlierLake(root, quarter, quarter.Previous, bucket, catalog)) { Earlier = earlier };
    }

    /// <summary>
    /// An earlier quarter's lake files of the buckets meeting this one's key range (that quarter may have another B; without
    /// both partitioning records, all of its buckets), or null when that quarter has no lake.
    /// </summary>
    private static IReadOnlyList<IReadOnlyList<string>>? EarlierLake(DataRoot root, Quarter quarter, Quarter earlier, int bucket, FeedCatalog catalog)
    {
        if (!Directory.Exists(root.LakeFolder(earlier)))
        {
            return null;
        }

        var mine = PartitioningRecord.Load(root.Partitioning(quarter))?.Partitioning;
        var theirs = PartitioningRecord.Load(root.Partitioning(earlier))?.Partitioning;
        IReadOnlyCollection<int>? overlapping = mine is { } now && theirs is { } before ? before.Overlapping(now, bucket) : null;
        return catalog.Feeds.Select(f => TableFiles.Lake(root, earlier, f.Code, overlapping).Paths()).ToArray();
    }

    /// <summary>SHA-256 over every input file's hash (in order), the catalog version and the options that shape the part.</summary>
    public async Task<string> KeyAsync(string catalogVersion, FeatureOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"format {FormatVersion}\nbucket {Bucket}\ncatalog {catalogVersion}\n");
        text.Append(CultureInfo.InvariantCulture, $"options {options.AdultMinAge} {options.ChildMaxAge} {options.LonelyDeathMinAge} {options.ElderMinAge} {options.RowGroupSize}\n");
        await AppendAsync(text, "roster", Roster, ct).ConfigureAwait(false);
        for (var f = 0; f < Current.Count; f++)
        {
            await AppendAsync(text, "feed " + f.ToString(CultureInfo.InvariantCulture), Current[f], ct).ConfigureAwait(false);
        }

        text.Append(Previous is null ? "no previous\n" : "previous\n");
        for (var f = 0; f < (Previous?.Count ?? 0); f++)
        {
            await AppendAsync(text, "before " + f.ToString(CultureInfo.InvariantCulture), Previous![f], ct).ConfigureAwait(false);
        }

        // History features change the schema and read more quarters; without them the key is what it was before history.
        for (var e = 0; e < Earlier.Count; e++)
        {
            var back = (e + 2).ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"history {back} {(Earlier[e] is null ? "absent" : "present")}\n");
            for (var f = 0; f < (Earlier[e]?.Count ?? 0); f++)
            {
                await AppendAsync(text, $"back {back} feed {f.ToString(CultureInfo.InvariantCulture)}", Earlier[e]![f], ct).ConfigureAwait(false);
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static async Task AppendAsync(StringBuilder text, string label, IReadOnlyList<string> files, CancellationToken ct)
    {
        foreach (var file in files)
        {
            text.Append(CultureInfo.InvariantCulture, $"{label} {await FileHash.Sha256Async(file, ct).ConfigureAwait(false)}\n");
        }
    }
}
