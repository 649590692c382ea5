using BlindSpot.Core.Catalog;
using BlindSpot.Features.Roster;

namespace BlindSpot.Features.Aggregation;

/// <summary>
/// Per person and per household: how many feeds have a record, and the total amount on those records. Compact arrays
/// (bytes and floats) from which the person and household features are computed partition by partition.
/// </summary>
internal sealed class IndicatorTotals
{
    private IndicatorTotals(RosterTable roster)
    {
        PersonFeeds = new byte[roster.People];
        HouseholdFeeds = new byte[roster.Households];
        PersonAmount = new float[roster.People];
        HouseholdAmount = new float[roster.Households];
    }

    public byte[] PersonFeeds { get; }

    public byte[] HouseholdFeeds { get; }

    public float[] PersonAmount { get; }

    public float[] HouseholdAmount { get; }

    public static IndicatorTotals From(RosterTable roster, IReadOnlyList<FeedAggregate> feeds)
    {
        var totals = new IndicatorTotals(roster);
        foreach (var feed in feeds)
        {
            var (counts, amounts) = feed.Feed.Unit == FeedUnit.Person
                ? (totals.PersonFeeds, totals.PersonAmount)
                : (totals.HouseholdFeeds, totals.HouseholdAmount);
            for (var k = 0; k < feed.Units.Length; k++)
            {
                var unit = feed.Units[k];
                counts[unit] = (byte)Math.Min(byte.MaxValue, counts[unit] + 1);
                if (feed.SumAmount is { } sums)
                {
                    amounts[unit] += sums[k];
                }
            }
        }

        return totals;
    }
}
