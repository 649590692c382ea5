using BlindSpot.Core.Catalog;
using BlindSpot.Features.Roster;

namespace BlindSpot.Features.Aggregation;

/// <summary>
/// Every feed's <see cref="FeedHistory"/> over the last four quarters, how many earlier lakes were found, and per person
/// and per household the number of feeds with a record in at least <see cref="PersistentQuarters"/> of them.
/// </summary>
internal sealed class WindowHistory
{
    /// <summary>The window: this quarter and the three before it.</summary>
    public const int Quarters = 4;

    /// <summary>A feed counts as persistent for a unit with records in this many of the window's quarters.</summary>
    public const int PersistentQuarters = 3;

    private WindowHistory(FeedHistory[] feeds) => Feeds = feeds;

    public IReadOnlyList<FeedHistory> Feeds { get; }

    /// <summary>Earlier quarters (of the three before this one) whose lake was there; a missing one leaves its bits 0.</summary>
    public int EarlierQuarters { get; private set; }

    public byte[] PersonPersistent { get; private set; } = [];

    public byte[] HouseholdPersistent { get; private set; } = [];

    /// <summary>No history: the catalog asks for no history features, so no earlier quarter is folded.</summary>
    public static WindowHistory None { get; } = new([]);

    public static WindowHistory Start(IReadOnlyList<FeedAggregate> current) => new([.. current.Select(FeedHistory.Start)]);

    /// <summary>Adds the earlier quarter <paramref name="back"/> (1–3) quarters before, folded onto this quarter's roster.</summary>
    public void Merge(IReadOnlyList<FeedAggregate> earlier, int back)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(back, Quarters - 1);
        for (var f = 0; f < Feeds.Count; f++)
        {
            Feeds[f].Merge(earlier[f], back);
        }

        EarlierQuarters++;
    }

    /// <summary>Counts the persistent feeds per person and household; call once every earlier quarter is merged.</summary>
    public WindowHistory Complete(RosterTable roster)
    {
        PersonPersistent = new byte[roster.People];
        HouseholdPersistent = new byte[roster.Households];
        foreach (var history in Feeds)
        {
            var counter = history.Feed.Unit == FeedUnit.Person ? PersonPersistent : HouseholdPersistent;
            for (var p = 0; p < history.Units.Length; p++)
            {
                if (FeedHistory.QuartersIn4(history.Mask[p]) >= PersistentQuarters)
                {
                    counter[history.Units[p]] = (byte)Math.Min(byte.MaxValue, counter[history.Units[p]] + 1);
                }
            }
        }

        return this;
    }
}
