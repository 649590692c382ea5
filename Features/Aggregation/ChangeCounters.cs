using BlindSpot.Core.Catalog;
using BlindSpot.Features.Roster;

namespace BlindSpot.Features.Aggregation;

/// <summary>
/// What changed since the previous quarter, per person and per household: feeds that appeared, feeds that disappeared,
/// and feeds whose arrears months grew. Found by merging each feed's sorted units of the two quarters.
/// </summary>
internal sealed class ChangeCounters
{
    private ChangeCounters(RosterTable roster, bool hasPrevious)
    {
        HasPrevious = hasPrevious;
        PersonNew = new byte[roster.People];
        PersonResolved = new byte[roster.People];
        PersonWorsened = new byte[roster.People];
        HouseholdNew = new byte[roster.Households];
        HouseholdResolved = new byte[roster.Households];
        HouseholdWorsened = new byte[roster.Households];
    }

    /// <summary>False when there was no previous quarter's lake: every counter stays 0.</summary>
    public bool HasPrevious { get; }

    public byte[] PersonNew { get; }

    public byte[] PersonResolved { get; }

    public byte[] PersonWorsened { get; }

    public byte[] HouseholdNew { get; }

    public byte[] HouseholdResolved { get; }

    public byte[] HouseholdWorsened { get; }

    /// <param name="previous">The previous quarter's aggregates mapped onto this quarter's roster, or null when absent.</param>
    public static ChangeCounters From(RosterTable roster, IReadOnlyList<FeedAggregate> current, IReadOnlyList<FeedAggregate>? previous)
    {
        var counters = new ChangeCounters(roster, previous is not null);
        if (previous is null)
        {
            return counters;
        }

        for (var f = 0; f < current.Count; f++)
        {
            var person = current[f].Feed.Unit == FeedUnit.Person;
            Merge(current[f], previous[f], person ? counters.PersonNew : counters.HouseholdNew, person ? counters.PersonResolved : counters.HouseholdResolved, person ? counters.PersonWorsened : counters.HouseholdWorsened);
        }

        return counters;
    }

    private static void Merge(FeedAggregate now, FeedAggregate before, byte[] added, byte[] resolved, byte[] worsened)
    {
        int i = 0, j = 0;
        while (i < now.Units.Length || j < before.Units.Length)
        {
            var a = i < now.Units.Length ? now.Units[i] : int.MaxValue;
            var b = j < before.Units.Length ? before.Units[j] : int.MaxValue;
            if (a < b)
            {
                Increment(added, a);
                i++;
            }
            else if (b < a)
            {
                Increment(resolved, b);
                j++;
            }
            else
            {
                if (now.MaxMonths is { } m && before.MaxMonths is { } p && m[i] > p[j])
                {
                    Increment(worsened, a);
                }

                i++;
                j++;
            }
        }
    }

    private static void Increment(byte[] counter, int unit) => counter[unit] = (byte)Math.Min(byte.MaxValue, counter[unit] + 1);
}
