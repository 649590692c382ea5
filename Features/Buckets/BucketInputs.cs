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
/// so their change features see no previous record (docs/ARCHITECTURE.md, "Buckets"). <see cref="KeyAsync"/> hashes
/// the files with the settings that change the bytes.
/// </summary>
internal sealed record BucketInputs(int Bucket, IReadOnlyList<string> Roster, IReadOnlyList<IReadOnlyList<string>> Current, IReadOnlyList<IReadOnlyList<string>>? Previous)
{
    // Raised when the part's bytes change for the same inputs (layout, writer), so old buckets are built again.
    private const int FormatVersion = 1;

    public static BucketInputs Of(DataRoot root, Quarter quarter, int bucket, FeedCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(catalog);
        int[] only = [bucket];
        var roster = TableFiles.Roster(root, quarter, only).Paths();
        var current = catalog.Feeds.Select(f => TableFiles.Lake(root, quarter, f.Code, only).Paths()).ToArray();
        IReadOnlyList<IReadOnlyList<string>>? previous = null;
        if (Directory.Exists(root.LakeFolder(quarter.Previous)))
        {
            // The previous quarter may have another B: its buckets meeting this one's key range. Without both records, all of them.
            var mine = PartitioningRecord.Load(root.Partitioning(quarter))?.Partitioning;
            var theirs = PartitioningRecord.Load(root.Partitioning(quarter.Previous))?.Partitioning;
            IReadOnlyCollection<int>? overlapping = mine is { } now && theirs is { } before ? before.Overlapping(now, bucket) : null;
            previous = catalog.Feeds.Select(f => TableFiles.Lake(root, quarter.Previous, f.Code, overlapping).Paths()).ToArray();
        }

        return new BucketInputs(bucket, roster, current, previous);
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
