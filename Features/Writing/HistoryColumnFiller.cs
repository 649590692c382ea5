using BlindSpot.Core.Catalog;
using BlindSpot.Features.Aggregation;
using BlindSpot.Features.Schema;

namespace BlindSpot.Features.Writing;

/// <summary>
/// Computes one history column (<see cref="FeatureKind.History"/>) for a contiguous range of roster rows: per-feed
/// windows from <see cref="FeedHistory"/> (household feeds given to every member), or the window-wide counts.
/// </summary>
internal static class HistoryColumnFiller
{
    public static void Fill(FeatureContext context, FeatureColumn column, int start, Span<float> target)
    {
        var history = context.History;
        switch (column.Name)
        {
            case FeatureNames.EarlierQuarters:
                target.Fill(history.EarlierQuarters);
                return;
            case FeatureNames.PersistentFeeds:
                var household = context.Roster.Household;
                for (var k = 0; k < target.Length; k++)
                {
                    target[k] = history.PersonPersistent[start + k] + history.HouseholdPersistent[household[start + k]];
                }

                return;
        }

        var feed = history.Feeds[context.FeedIndex[column.Feed ?? throw new InvalidOperationException($"History feature '{column.Name}' names no feed.")]];
        var rule = column.History ?? throw new InvalidOperationException($"History feature '{column.Name}' names no rule.");
        if ((rule == HistoryRule.MaxMonthsIn4 && feed.MaxMonths is null) || (rule is HistoryRule.MinMeasureIn4 or HistoryRule.SumMeasureIn4 && feed.MeasureSum is null))
        {
            throw new InvalidOperationException($"{feed.Feed.Code} has no column for history rule {rule}.");
        }

        target.Clear();
        var end = start + target.Length;
        if (feed.Feed.Unit == FeedUnit.Person)
        {
            for (var p = feed.LowerBound(start); p < feed.Units.Length && feed.Units[p] < end; p++)
            {
                target[feed.Units[p] - start] = Value(feed, rule, p);
            }

            return;
        }

        // Household feeds: every member of a household with a record gets its value; a range may cut a household.
        var roster = context.Roster;
        var lastHousehold = roster.Household[end - 1];
        for (var p = feed.LowerBound(roster.Household[start]); p < feed.Units.Length && feed.Units[p] <= lastHousehold; p++)
        {
            var h = feed.Units[p];
            var from = Math.Max(start, roster.HouseholdStart[h]);
            var to = Math.Min(end, roster.HouseholdStart[h + 1]);
            target[(from - start)..(to - start)].Fill(Value(feed, rule, p));
        }
    }

    /// <summary>The rule's value for the feed's <paramref name="p"/>-th unit; only the units inside the range are computed.</summary>
    private static float Value(FeedHistory feed, HistoryRule rule, int p) => rule switch
    {
        HistoryRule.QuartersIn4 => FeedHistory.QuartersIn4(feed.Mask[p]),
        HistoryRule.Trend => FeedHistory.Trend(feed.Mask[p]),
        HistoryRule.Streak => FeedHistory.Streak(feed.Mask[p]),
        HistoryRule.MaxMonthsIn4 => feed.MaxMonths![p],
        HistoryRule.MinMeasureIn4 => feed.MeasureMin![p],
        HistoryRule.SumMeasureIn4 => feed.MeasureSum![p],
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown history rule."),
    };
}
