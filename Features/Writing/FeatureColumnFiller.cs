using BlindSpot.Core.Catalog;
using BlindSpot.Features.Aggregation;
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

        if (column.Kind == FeatureKind.History)
        {
            HistoryColumnFiller.Fill(context, column, start, target);
            return;
        }

        FillDerived(context, column.Name, start, target);
    }

    /// <summary>
    /// Person features are one loop over the range; household features are computed once per household and copied to
    /// its members (a range may cut a household at either end). The rule is chosen once per column, never per row.
    /// </summary>
    private static void FillDerived(FeatureContext context, string name, int start, Span<float> target)
    {
        var roster = context.Roster;
        var totals = context.Totals;
        var changes = context.Changes;
        var options = context.Options;
        var household = roster.Household;
        switch (name)
        {
            case FeatureNames.Age:
                Widen(roster.Age, start, target);
                return;
            case FeatureNames.Male:
                Flags(roster.Male, start, target);
                return;
            case FeatureNames.Disability:
                Flags(roster.Disability, start, target);
                return;
            case FeatureNames.BasicLivelihood:
                Flags(roster.BasicLivelihood, start, target);
                return;
            case FeatureNames.OtherBenefit:
                Flags(roster.OtherBenefit, start, target);
                return;
            case FeatureNames.IsHead:
                Flags(roster.IsHead, start, target);
                return;
            case FeatureNames.PersonFeedCount:
                Widen(totals.PersonFeeds, start, target);
                return;
            case FeatureNames.CrisisCount:
                PersonPlusHousehold(totals.PersonFeeds, totals.HouseholdFeeds, household, start, target);
                return;
            case FeatureNames.NewCrises:
                PersonPlusHousehold(changes.PersonNew, changes.HouseholdNew, household, start, target);
                return;
            case FeatureNames.ResolvedCrises:
                PersonPlusHousehold(changes.PersonResolved, changes.HouseholdResolved, household, start, target);
                return;
            case FeatureNames.WorsenedArrears:
                PersonPlusHousehold(changes.PersonWorsened, changes.HouseholdWorsened, household, start, target);
                return;
            case FeatureNames.HasPreviousQuarter:
                target.Fill(Flag(changes.HasPrevious));
                return;
            case FeatureNames.HouseholdSize:
                PerHousehold(context, start, target, (_, _, size) => size);
                return;
            case FeatureNames.SinglePerson:
                PerHousehold(context, start, target, (_, _, size) => Flag(size == 1));
                return;
            case FeatureNames.AnyChild:
                PerHousehold(context, start, target, (first, end, _) => Flag(AnyMember(roster.Age, first, end, age => age <= options.ChildMaxAge)));
                return;
            case FeatureNames.AnyElder:
                PerHousehold(context, start, target, (first, end, _) => Flag(AnyMember(roster.Age, first, end, age => age >= options.ElderMinAge)));
                return;
            case FeatureNames.HouseholdFeedCount:
                PerHousehold(context, start, target, (first, _, _) => totals.HouseholdFeeds[household[first]]);
                return;
            case FeatureNames.MembersWithIndicator:
                PerHousehold(context, start, target, (first, end, _) => MembersWithIndicator(totals, first, end));
                return;
            case FeatureNames.ShareMembersWithIndicator:
                PerHousehold(context, start, target, (first, end, size) => MembersWithIndicator(totals, first, end) / size);
                return;
            case FeatureNames.IndicatorCount:
                PerHousehold(context, start, target, (first, end, _) => IndicatorCount(totals, household[first], first, end));
                return;
            case FeatureNames.LogTotalArrears:
                PerHousehold(context, start, target, (first, end, _) => MathF.Log(1f + TotalAmount(totals, household[first], first, end)));
                return;
            default:
                throw new InvalidOperationException($"No rule computes feature '{name}'.");
        }
    }

    private static void Widen(byte[] values, int start, Span<float> target)
    {
        for (var k = 0; k < target.Length; k++)
        {
            target[k] = values[start + k];
        }
    }

    private static void Flags(bool[] flags, int start, Span<float> target)
    {
        for (var k = 0; k < target.Length; k++)
        {
            target[k] = Flag(flags[start + k]);
        }
    }

    private static void PersonPlusHousehold(byte[] person, byte[] householdValues, int[] household, int start, Span<float> target)
    {
        for (var k = 0; k < target.Length; k++)
        {
            target[k] = person[start + k] + householdValues[household[start + k]];
        }
    }

    /// <summary>
    /// Computes <paramref name="value"/>(first member, end of members, size) once for each household that the range
    /// [start, start + target.Length) reaches, and gives it to the members inside the range.
    /// </summary>
    private static void PerHousehold(FeatureContext context, int start, Span<float> target, Func<int, int, int, float> value)
    {
        var roster = context.Roster;
        var end = start + target.Length;
        for (var h = roster.Household[start]; h < roster.Households && roster.HouseholdStart[h] < end; h++)
        {
            var first = roster.HouseholdStart[h];
            var last = roster.HouseholdStart[h + 1];
            var v = value(first, last, last - first);
            target[(Math.Max(first, start) - start)..(Math.Min(last, end) - start)].Fill(v);
        }
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

    private static bool AnyMember(byte[] ages, int first, int end, Func<int, bool> test)
    {
        for (var m = first; m < end; m++)
        {
            if (test(ages[m]))
            {
                return true;
            }
        }

        return false;
    }

    private static float MembersWithIndicator(IndicatorTotals totals, int first, int end)
    {
        var count = 0;
        for (var m = first; m < end; m++)
        {
            count += totals.PersonFeeds[m] > 0 ? 1 : 0;
        }

        return count;
    }

    private static float IndicatorCount(IndicatorTotals totals, int household, int first, int end)
    {
        float count = totals.HouseholdFeeds[household];
        for (var m = first; m < end; m++)
        {
            count += totals.PersonFeeds[m];
        }

        return count;
    }

    private static float TotalAmount(IndicatorTotals totals, int household, int first, int end)
    {
        var total = totals.HouseholdAmount[household];
        for (var m = first; m < end; m++)
        {
            total += totals.PersonAmount[m];
        }

        return Math.Max(0f, total);
    }
}
