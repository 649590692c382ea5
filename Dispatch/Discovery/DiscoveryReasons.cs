using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Reasons;

namespace BlindSpot.Dispatch.Discovery;

/// <summary>
/// The Korean reason sentences of an own-discovery case: for each feed holding a record of the person (or their
/// household) this quarter, the catalog's reason template filled with the latest record, exactly as a worklist says it.
/// Reads only the lake files of those feeds.
/// </summary>
public static class DiscoveryReasons
{
    public static async Task<IReadOnlyList<string>> RenderAsync(FeedCatalog catalog, DataRoot root, Quarter quarter, DiscoveryIndex index, DiscoveryPerson person, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(person);
        var renderer = new ReasonRenderer(catalog);
        var sentences = new List<string>();
        for (var f = 0; f < index.FeedCodes.Count; f++)
        {
            if ((person.Feeds & (1UL << f)) == 0 || !catalog.TryGetFeed(index.FeedCodes[f], out var feed))
            {
                continue;
            }

            var key = feed.Unit == FeedUnit.Person ? person.PersonKey : person.HouseholdKey;
            var latest = await LakeLookup.LatestAsync(feed, root.LakeFeed(quarter, feed.Code), new HashSet<long> { key }, ct).ConfigureAwait(false);
            sentences.Add(renderer.RenderFeed(feed, latest.GetValueOrDefault(key)));
        }

        return sentences;
    }
}
