using BlindSpot.Core.Catalog;
using BlindSpot.Features.Schema;

namespace BlindSpot.Features.Writing;

/// <summary>Computes one feature column for a contiguous range of roster rows [start, start + target.Length).</summary>
internal static class FeatureColumnFiller
{
    public static void Fill(FeatureContext context, FeatureColumn column, int start, Span<float> target)
    {
        if (column.Kind == FeatureKind.Feed)
        {
            FillFeed(context, column, start, target);
            return;
        }

        // The rule is chosen once per column, not per row: a string switch per row would cost seconds at 9 million.
        var compute = Selector(context, column.Name);
        var household = context.Roster.Household;
        for (var k = 0; k < target.Length; k++)
        {
            target[k] = compute(start + k, household[start + k]);
        }
    }

    private static Func<int, int, float> Selector(FeatureContext context, string name)
    {
        var roster = context.Roster;
        var totals = context.Totals;
        var changes = context.Changes;
        var options = context.Options;
        return name switch
        {
            FeatureNames.Age => (i, _) => roster.Age[i],
            FeatureNames.Male => (i, _) => Flag(roster.Male[i]),
            FeatureNames.Disability => (i, _) => Flag(roster.Disability[i]),
            FeatureNames.BasicLivelihood => (i, _) => Flag(roster.BasicLivelihood[i]),
            FeatureNames.OtherBenefit => (i, _) => Flag(roster.OtherBenefit[i]),
            FeatureNames.IsHead => (i, _) => Flag(roster.IsHead[i]),
            FeatureNames.PersonFeedCount => (i, _) => totals.PersonFeeds[i],
            FeatureNames.CrisisCount => (i, h) => totals.PersonFeeds[i] + totals.HouseholdFeeds[h],
            FeatureNames.HouseholdSize => (_, h) => roster.HouseholdSize(h),
            FeatureNames.SinglePerson => (_, h) => Flag(roster.HouseholdSize(h) == 1),
            FeatureNames.AnyChild => (_, h) => Flag(AnyMember(context, h, age => age <= options.ChildMaxAge)),
            FeatureNames.AnyElder => (_, h) => Flag(AnyMember(context, h, age => age >= options.ElderMinAge)),
            FeatureNames.HouseholdFeedCount => (_, h) => totals.HouseholdFeeds[h],
            FeatureNames.MembersWithIndicator => (_, h) => MembersWithIndicator(context, h),
            FeatureNames.ShareMembersWithIndicator => (_, h) => MembersWithIndicator(context, h) / roster.HouseholdSize(h),
            FeatureNames.IndicatorCount => (_, h) => IndicatorCount(context, h),
            FeatureNames.LogTotalArrears => (_, h) => MathF.Log(1f + TotalAmount(context, h)),
            FeatureNames.NewCrises => (i, h) => changes.PersonNew[i] + changes.HouseholdNew[h],
            FeatureNames.ResolvedCrises => (i, h) => changes.PersonResolved[i] + changes.HouseholdResolved[h],
            FeatureNames.WorsenedArrears => (i, h) => changes.PersonWorsened[i] + changes.HouseholdWorsened[h],
            FeatureNames.HasPreviousQuarter => (_, _) => Flag(changes.HasPrevious),
            _ => throw new InvalidOperationException($"No rule computes feature '{name}'."),
        };
    }

    private static void FillFeed(FeatureContext context, FeatureColumn column, int start, Span<float> target)
    {
        target.Fill(column.NoRecordValue);
        var aggregate = context.Feeds[context.FeedIndex[column.Feed!]];
        var rule = IndexOf(aggregate.Feed.Features, column.Rule!.Value);
        var values = aggregate.RuleValues[rule];
        var end = start + target.Length;
        var roster = context.Roster;
        if (aggregate.Feed.Unit == FeedUnit.Person)
        {
            for (var p = aggregate.LowerBound(start); p < aggregate.Units.Length && aggregate.Units[p] < end; p++)
            {
                target[aggregate.Units[p] - start] = values[p];
            }

            return;
        }

        // Household feeds: every member of a household with a record gets its value; a range may cut a household.
        var lastHousehold = roster.Household[end - 1];
        for (var p = aggregate.LowerBound(roster.Household[start]); p < aggregate.Units.Length && aggregate.Units[p] <= lastHousehold; p++)
        {
            var h = aggregate.Units[p];
            var from = Math.Max(start, roster.HouseholdStart[h]);
            var to = Math.Min(end, roster.HouseholdStart[h + 1]);
            target[(from - start)..(to - start)].Fill(values[p]);
        }
    }

    private static int IndexOf(IReadOnlyList<FeatureRule> rules, FeatureRule rule)
    {
        for (var r = 0; r < rules.Count; r++)
        {
            if (rules[r] == rule)
            {
                return r;
            }
        }

        throw new InvalidOperationException($"The feed does not derive {rule}.");
    }

    private static float Flag(bool value) => value ? 1f : 0f;

    private static bool AnyMember(FeatureContext context, int h, Func<int, bool> test)
    {
        var roster = context.Roster;
        for (var m = roster.HouseholdStart[h]; m < roster.HouseholdStart[h + 1]; m++)
        {
            if (test(roster.Age[m]))
            {
                return true;
            }
        }

        return false;
    }

    private static float MembersWithIndicator(FeatureContext context, int h)
    {
        var count = 0;
        for (var m = context.Roster.HouseholdStart[h]; m < context.Roster.HouseholdStart[h + 1]; m++)
        {
            count += context.Totals.PersonFeeds[m] > 0 ? 1 : 0;
        }

        return count;
    }

    private static float IndicatorCount(FeatureContext context, int h)
    {
        float count = context.Totals.HouseholdFeeds[h];
        for (var m = context.Roster.HouseholdStart[h]; m < context.Roster.HouseholdStart[h + 1]; m++)
        {
            count += context.Totals.PersonFeeds[m];
        }

        return count;
    }

    private static float TotalAmount(FeatureContext context, int h)
    {
        var total = context.Totals.HouseholdAmount[h];
        for (var m = context.Roster.HouseholdStart[h]; m < context.Roster.HouseholdStart[h + 1]; m++)
        {
            total += context.Totals.PersonAmount[m];
        }

        return Math.Max(0f, total);
    }
}
