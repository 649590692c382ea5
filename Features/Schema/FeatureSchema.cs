using System.Security.Cryptography;
using System.Text;
using BlindSpot.Core.Catalog;

namespace BlindSpot.Features.Schema;

/// <summary>
/// The ordered list of feature columns for a catalog: person, household and change features, then every feed's rules in
/// catalog order. Owned by Features; Scoring trains and scores on exactly this list and checks <see cref="Hash"/>.
/// </summary>
public sealed class FeatureSchema
{
    /// <summary>The value of months_since_latest for a person with no record: "never, as far as the window sees".</summary>
    public const float NoRecordMonthsSince = -1f;

    private FeatureSchema(IReadOnlyList<FeatureColumn> columns)
    {
        Columns = columns;
        Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', columns.Select(c => c.Name + ":float")))));
    }

    public IReadOnlyList<FeatureColumn> Columns { get; }

    /// <summary>SHA-256 of the ordered names and types: a model trained on another schema must not score this one.</summary>
    public string Hash { get; }

    public static FeatureSchema For(FeedCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var columns = new List<FeatureColumn>
        {
            new(FeatureNames.Age, FeatureKind.Person, "Age in full years at the quarter's last day."),
            new(FeatureNames.Male, FeatureKind.Person, "1 for male, 0 for female."),
            new(FeatureNames.Disability, FeatureKind.Person, "1 when registered as disabled."),
            new(FeatureNames.BasicLivelihood, FeatureKind.Person, "1 when already receiving basic-livelihood benefits (기초생활수급)."),
            new(FeatureNames.OtherBenefit, FeatureKind.Person, "1 when receiving another benefit (차상위 등)."),
            new(FeatureNames.IsHead, FeatureKind.Person, "1 for the head of household (세대주)."),
            new(FeatureNames.PersonFeedCount, FeatureKind.Person, "Number of person-unit feeds with a record for the person."),
            new(FeatureNames.CrisisCount, FeatureKind.Person, "Number of feeds with a record for the person or their household: how many crises at once."),
            new(FeatureNames.HouseholdSize, FeatureKind.Household, "Members of the household on the roster."),
            new(FeatureNames.SinglePerson, FeatureKind.Household, "1 for a one-person household."),
            new(FeatureNames.AnyChild, FeatureKind.Household, "1 when a member is aged 0–17."),
            new(FeatureNames.AnyElder, FeatureKind.Household, "1 when a member is aged 65 or more."),
            new(FeatureNames.HouseholdFeedCount, FeatureKind.Household, "Number of household-unit feeds with a record for the household."),
            new(FeatureNames.MembersWithIndicator, FeatureKind.Household, "Members with at least one person-unit feed record."),
            new(FeatureNames.ShareMembersWithIndicator, FeatureKind.Household, "Share of members with at least one person-unit feed record."),
            new(FeatureNames.IndicatorCount, FeatureKind.Household, "Household-unit feeds with a record plus every member's person-unit feeds with a record."),
            new(FeatureNames.LogTotalArrears, FeatureKind.Household, "log(1 + total amount owed or spent in won over the household's and its members' records)."),
            new(FeatureNames.NewCrises, FeatureKind.Change, "Feeds with a record this quarter and none the previous quarter (person and household)."),
            new(FeatureNames.ResolvedCrises, FeatureKind.Change, "Feeds with a record the previous quarter and none this quarter."),
            new(FeatureNames.WorsenedArrears, FeatureKind.Change, "Feeds whose largest arrears months grew since the previous quarter."),
            new(FeatureNames.HasPreviousQuarter, FeatureKind.Change, "1 when the previous quarter's lake was there to compare with; the change features are 0 otherwise."),
        };

        foreach (var feed in catalog.Feeds)
        {
            foreach (var rule in feed.Features)
            {
                columns.Add(new FeatureColumn(FeatureNames.Of(feed.Code, rule), FeatureKind.Feed, Describe(feed, rule))
                {
                    Feed = feed.Code,
                    Rule = rule,
                    NoRecordValue = rule == FeatureRule.MonthsSinceLatest ? NoRecordMonthsSince : 0f,
                });
            }
        }

        if (!catalog.HistoryFeatures)
        {
            return new FeatureSchema(columns);
        }

        columns.Add(new(FeatureNames.EarlierQuarters, FeatureKind.History, "Earlier quarters' lakes found for the history window (0–3 of the three before this one); a missing one counts as no record."));
        columns.Add(new(FeatureNames.PersistentFeeds, FeatureKind.History, "Feeds with a record for the person or their household in at least 3 of the last 4 quarters."));
        foreach (var feed in catalog.Feeds)
        {
            foreach (var rule in HistoryRules(feed))
            {
                columns.Add(new FeatureColumn(FeatureNames.Of(feed.Code, rule), FeatureKind.History, DescribeHistory(feed, rule)) { Feed = feed.Code, History = rule });
            }
        }

        return new FeatureSchema(columns);
    }

    /// <summary>The history rules a feed gets: persistence and trend always, window maxima where it has the column.</summary>
    public static IEnumerable<HistoryRule> HistoryRules(FeedDefinition feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        yield return HistoryRule.QuartersIn4;
        yield return HistoryRule.Trend;
        yield return HistoryRule.Streak;
        if (feed.ColumnWithRole(ColumnRole.Months) is not null)
        {
            yield return HistoryRule.MaxMonthsIn4;
        }

        if (feed.ColumnWithRole(ColumnRole.Measure) is not null)
        {
            yield return HistoryRule.MinMeasureIn4;
            yield return HistoryRule.SumMeasureIn4;
        }
    }

    private static string DescribeHistory(FeedDefinition feed, HistoryRule rule)
    {
        var unit = feed.Unit == FeedUnit.Household ? " (household record, given to every member)" : "";
        var what = rule switch
        {
            HistoryRule.QuartersIn4 => "quarters of the last 4 with a record (0–4)",
            HistoryRule.Trend => "quarters with a record among the last 2 minus among the 2 before (−2…2); records in the last 2 = (quarters_4q + trend_4q) / 2",
            HistoryRule.Streak => "quarters in a row with a record, ending this quarter (0–4)",
            HistoryRule.MaxMonthsIn4 => "largest arrears months over the last 4 quarters",
            HistoryRule.MinMeasureIn4 => "smallest measured value over the last 4 quarters",
            HistoryRule.SumMeasureIn4 => "sum of the measured values over the last 4 quarters (for a change-in-use measure: the change over the window)",
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown history rule."),
        };
        return $"{feed.NameKo} ({feed.NameEn}): {what}{unit}.";
    }

    private static string Describe(FeedDefinition feed, FeatureRule rule)
    {
        var unit = feed.Unit == FeedUnit.Household ? " (household record, given to every member)" : "";
        var what = rule switch
        {
            FeatureRule.Presence => "1 when there is any record",
            FeatureRule.Count => "number of records",
            FeatureRule.MaxMonths => "largest arrears months",
            FeatureRule.LatestMonths => "arrears months of the latest record",
            FeatureRule.LogAmount => "log(1 + largest amount in won)",
            FeatureRule.SumLogAmount => "log(1 + sum of amounts in won)",
            FeatureRule.MonthsSinceLatest => "months from the latest event to the quarter's last day; −1 when there is no record",
            FeatureRule.MaxDays => "largest day count",
            FeatureRule.MaxCount => "largest count",
            FeatureRule.MeanMeasure => "mean of the measured value",
            FeatureRule.MinMeasure => "smallest measured value",
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown feature rule."),
        };
        return $"{feed.NameKo} ({feed.NameEn}): {what}{unit}.";
    }
}
