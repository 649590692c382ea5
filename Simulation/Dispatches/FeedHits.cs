using BlindSpot.Core.Catalog;
using BlindSpot.Simulation.Roster;

namespace BlindSpot.Simulation.Dispatches;

/// <summary>
/// Which feeds had a clean record for each person and each household this quarter, as one 64-bit mask per unit
/// (bit = feed's catalog index): what the rule baseline counts.
/// </summary>
internal sealed class FeedHits
{
    /// <summary>Most feeds a catalog may have for the masks to hold them.</summary>
    public const int MaxFeeds = 64;

    public FeedHits(IReadOnlyList<FeedDefinition> feeds, int people, int households)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        if (feeds.Count > MaxFeeds)
        {
            throw new InvalidOperationException($"The simulator's rule baseline handles at most {MaxFeeds} feeds; the catalog has {feeds.Count}.");
        }

        Feeds = feeds;
        Bits = [.. feeds.Select(f => new ulong[((f.Unit == FeedUnit.Person ? people : households) + 63) / 64])];
    }

    public IReadOnlyList<FeedDefinition> Feeds { get; }

    /// <summary>One bitset per feed over person ids (person feeds) or household ids (household feeds).</summary>
    public ulong[][] Bits { get; }

    /// <summary>Feed masks per person id (person feeds) and per household id (household feeds).</summary>
    public (ulong[] Person, ulong[] Household) Masks(People people, Households households)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(households);
        var person = new ulong[people.Count];
        var household = new ulong[households.Count];
        for (var f = 0; f < Feeds.Count; f++)
        {
            var target = Feeds[f].Unit == FeedUnit.Person ? person : household;
            var bits = Bits[f];
            for (var word = 0; word < bits.Length; word++)
            {
                for (var w = bits[word]; w != 0; w &= w - 1)
                {
                    target[(word * 64) + System.Numerics.BitOperations.TrailingZeroCount(w)] |= 1UL << f;
                }
            }
        }

        return (person, household);
    }

    /// <summary>The mask of a variant's feeds.</summary>
    public ulong VariantMask(Variant variant)
    {
        var mask = 0UL;
        for (var f = 0; f < Feeds.Count; f++)
        {
            mask |= Feeds[f].Variants.Contains(variant) ? 1UL << f : 0;
        }

        return mask;
    }
}
