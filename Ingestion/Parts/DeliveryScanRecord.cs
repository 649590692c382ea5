using BlindSpot.Core.Files;
using System.Text.Json;
using BlindSpot.Core.Catalog;
using BlindSpot.Ingestion.Deliveries;

namespace BlindSpot.Ingestion.Parts;

/// <summary>
/// A <see cref="DeliveryScan"/> on disk (<see cref="IngestPartFiles.Scan"/>): the roster part scans and hashes every
/// delivery once, and the feed parts (on any worker) and the reduce take each feed's file, hash and the file-level
/// problems from it. Immutable.
/// </summary>
internal sealed record DeliveryScanRecord
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Feed code → its file relative to the data root, SHA-256 and length.</summary>
    public required IReadOnlyDictionary<string, DeliveredFile> Found { get; init; }

    /// <summary>Codes of the feeds (roster included) with no delivery, in catalog order.</summary>
    public required IReadOnlyList<string> Missing { get; init; }

    public required IReadOnlyDictionary<string, string> Unusable { get; init; }

    public required IReadOnlyList<string> Warnings { get; init; }

    public static DeliveryScanRecord Of(DeliveryScan scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        return new DeliveryScanRecord
        {
            Found = new SortedDictionary<string, DeliveredFile>(scan.Found.ToDictionary(f => f.Key, f => new DeliveredFile(f.Value.RelativePath, f.Value.Sha256, f.Value.Length)), StringComparer.Ordinal),
            Missing = [.. scan.Missing.Select(f => f.Code)],
            Unusable = new SortedDictionary<string, string>(scan.Unusable.ToDictionary(), StringComparer.Ordinal),
            Warnings = scan.Warnings,
        };
    }

    /// <summary>The scan again, with each delivery's absolute path under <paramref name="context"/>'s data root.</summary>
    public DeliveryScan ToScan(IngestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new DeliveryScan
        {
            Found = Found.ToDictionary(
                f => f.Key,
                f => new Delivery(FeedOf(context.Catalog, f.Key), Path.GetFullPath(Path.Combine(context.Root.Path, f.Value.RelativePath)), f.Value.RelativePath, f.Value.Sha256, f.Value.Length),
                StringComparer.Ordinal),
            Missing = [.. Missing.Select(code => FeedOf(context.Catalog, code))],
            Unusable = Unusable,
            Warnings = Warnings,
        };
    }

    public void Save(string path) => JsonRecordFile.Save(path, this, Json);

    public static DeliveryScanRecord? Load(string path) => JsonRecordFile.Load<DeliveryScanRecord>(path, Json);

    private static FeedDefinition FeedOf(FeedCatalog catalog, string code) => code == catalog.Roster.Code ? catalog.Roster : catalog.GetFeed(code);
}
