using BlindSpot.Core.Catalog;
using BlindSpot.Core.Partitioning;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Reasons;

namespace BlindSpot.Dispatch.Discovery;

/// <summary>
/// The Korean reason sentences of own-discovery cases: for each feed holding a record of a person (or their household)
/// this quarter, the catalog's reason template filled with the latest record, exactly as a worklist says it. The lake is
/// bucketed by household (<see cref="Buckets"/>, B from the quarter's <c>_partitioning.json</c>), and a person's and their
/// household's records all lie in their household's bucket: only the buckets of the people's households are read, each
/// file once for all of them (at 9M, 1 of 18 buckets for one person instead of every file of the feed).
/// </summary>
public static class DiscoveryReasons
{
    /// <summary>The sentences per person of <paramref name="people"/> (by person key), feeds in catalog order.</summary>
    public static async Task<IReadOnlyDictionary<long, IReadOnlyList<string>>> RenderAsync(FeedCatalog catalog, DataRoot root, Quarter quarter, DiscoveryIndex index, IReadOnlyList<DiscoveryPerson> people, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(people);
        var renderer = new ReasonRenderer(catalog);
        // Without a partitioning record (a lake written before buckets) every file is read, as before.
        IReadOnlyCollection<int>? buckets = PartitioningRecord.Load(root.Partitioning(quarter)) is { } record
            ? people.Select(p => record.Partitioning.Of(p.HouseholdKey)).ToHashSet()
            : null;
        var sentences = people.ToDictionary(p => p.PersonKey, _ => new List<string>());
        for (var f = 0; f < index.FeedCodes.Count; f++)
        {
            var bit = 1UL << f;
            var holders = people.Where(p => (p.Feeds & bit) != 0).ToList();
            if (holders.Count == 0 || !catalog.TryGetFeed(index.FeedCodes[f], out var feed))
            {
                continue;
            }

            long Key(DiscoveryPerson p) => feed.Unit == FeedUnit.Person ? p.PersonKey : p.HouseholdKey;
            var latest = await LakeLookup.LatestAsync(feed, TableFiles.Lake(root, quarter, feed.Code, buckets).Paths(), holders.Select(Key).ToHashSet(), ct).ConfigureAwait(false);
            foreach (var p in holders)
            {
                sentences[p.PersonKey].Add(renderer.RenderFeed(feed, latest.GetValueOrDefault(Key(p))));
            }
        }

        return sentences.ToDictionary(s => s.Key, s => (IReadOnlyList<string>)s.Value);
    }
}
