using BlindSpot.Core.Catalog;
using BlindSpot.Core.Hashing;

namespace BlindSpot.Ingestion.Deliveries;

/// <summary>
/// Finds each feed's delivery under <c>raw/&lt;Q&gt;/&lt;source&gt;/</c> (<c>&lt;feed&gt;.csv</c> or <c>&lt;feed&gt;.csv.gz</c>),
/// hashes every file there, and reports files delivered twice under two names and files the catalog does not know.
/// </summary>
internal sealed class DeliveryLocator(IngestContext context)
{
    private static readonly string[] Extensions = [".csv", ".csv.gz"];

    /// <summary>Required feeds (the roster first) with no delivery file at all, found without reading or hashing anything.</summary>
    public IReadOnlyList<FeedDefinition> MissingRequired()
    {
        var rawFolder = context.Root.RawFolder(context.Quarter);
        return [.. context.Catalog.Feeds.Prepend(context.Catalog.Roster)
            .Where(f => f.Required && !Extensions.Any(e => File.Exists(Path.Combine(rawFolder, f.Source, f.Code + e))))];
    }

    public async Task<DeliveryScan> ScanAsync(CancellationToken cancellationToken)
    {
        var feeds = context.Catalog.Feeds.Prepend(context.Catalog.Roster).ToList();
        var rawFolder = context.Root.RawFolder(context.Quarter);
        var files = feeds.Select(f => f.Source).Distinct(StringComparer.Ordinal)
            .Select(source => Path.Combine(rawFolder, source))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder))
            .Order(StringComparer.Ordinal)
            .ToList();
        var hashes = (await FileHash.Sha256AllAsync(files, cancellationToken)).Select((hash, i) => (files[i], hash)).ToDictionary(StringComparer.Ordinal);

        var found = new Dictionary<string, Delivery>(StringComparer.Ordinal);
        var unusable = new Dictionary<string, string>(StringComparer.Ordinal);
        var missing = new List<FeedDefinition>();
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var feed in feeds)
        {
            var candidates = Extensions.Select(e => Path.Combine(rawFolder, feed.Source, feed.Code + e)).Where(hashes.ContainsKey).ToList();
            claimed.UnionWith(candidates);
            if (candidates.Count == 0)
            {
                missing.Add(feed);
            }
            else if (candidates.Count > 1)
            {
                unusable[feed.Code] = $"{string.Join(" and ", candidates.Select(context.Relative))} both deliver {feed.Code}; remove the one that should not be read and run again.";
            }
            else
            {
                found[feed.Code] = new Delivery(feed, candidates[0], context.Relative(candidates[0]), hashes[candidates[0]], new FileInfo(candidates[0]).Length);
            }
        }

        var warnings = new List<string>();
        CheckTwins(found, hashes, unusable, warnings);
        warnings.AddRange(files.Where(f => !claimed.Contains(f) && !IsTwin(f, hashes))
            .Select(f => $"{context.Relative(f)} is not a delivery of any catalog feed and was ignored; rename it to <feed>.csv if it is one."));
        return new DeliveryScan { Found = found, Missing = missing, Unusable = unusable, Warnings = warnings };
    }

    private static bool IsTwin(string file, Dictionary<string, string> hashes) =>
        hashes.Count(h => h.Value == hashes[file] && Path.GetDirectoryName(h.Key) == Path.GetDirectoryName(file)) > 1;

    // The same bytes under two names in one source folder: an institution sent one file twice. A copy under a non-feed name is ignored;
    // a copy under another feed's name would put one feed's rows in another's lake file, so that feed fails.
    private void CheckTwins(Dictionary<string, Delivery> found, Dictionary<string, string> hashes, Dictionary<string, string> unusable, List<string> warnings)
    {
        foreach (var group in hashes.GroupBy(h => (Path.GetDirectoryName(h.Key), h.Value)).Where(g => g.Count() > 1))
        {
            var paths = group.Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
            var deliveries = found.Values.Where(d => paths.Contains(d.Path)).ToList();
            var names = string.Join(" and ", paths.Select(context.Relative));
            if (deliveries.Count <= 1)
            {
                var kept = deliveries.Count == 1 ? $"only {deliveries[0].RelativePath} was read" : "neither is a catalog feed's name, so none was read";
                warnings.Add($"{names} are identical (SHA-256 {group.Key.Value[..12]}…): the same file was delivered twice under two names; {kept}. Remove the copy.");
                continue;
            }

            foreach (var twin in deliveries.Skip(1))
            {
                found.Remove(twin.Feed.Code);
                unusable[twin.Feed.Code] = $"{twin.RelativePath} is byte-identical to {deliveries[0].RelativePath} (SHA-256 {group.Key.Value[..12]}…): one file was delivered twice under two names. Ask {twin.Feed.Source} to redeliver {twin.Feed.Code}.";
            }
        }
    }
}
