using BlindSpot.Core.Catalog;

namespace BlindSpot.Features.Schema;

/// <summary>The names of the non-feed features and of the feed rules, in one place for the builder, the docs and the tests.</summary>
public static class FeatureNames
{
    public const string Age = "p_age";
    public const string Male = "p_male";
    public const string Disability = "p_disability";
    public const string BasicLivelihood = "p_basic_livelihood";
    public const string OtherBenefit = "p_other_benefit";
    public const string IsHead = "p_is_head";
    public const string PersonFeedCount = "p_person_feed_count";
    public const string CrisisCount = "p_crisis_count";
    public const string HouseholdSize = "hh_size";
    public const string SinglePerson = "hh_single_person";
    public const string AnyChild = "hh_any_child";
    public const string AnyElder = "hh_any_elder";
    public const string HouseholdFeedCount = "hh_household_feed_count";
    public const string MembersWithIndicator = "hh_members_with_indicator";
    public const string ShareMembersWithIndicator = "hh_share_members_with_indicator";
    public const string IndicatorCount = "hh_indicator_count";
    public const string LogTotalArrears = "hh_log_total_arrears";
    public const string NewCrises = "chg_new_crises";
    public const string ResolvedCrises = "chg_resolved_crises";
    public const string WorsenedArrears = "chg_worsened_arrears";
    public const string HasPreviousQuarter = "chg_has_previous_quarter";
    public const string EarlierQuarters = "hist_earlier_quarters";
    public const string PersistentFeeds = "hist_persistent_feeds";

    /// <summary>The column name of <paramref name="rule"/> on <paramref name="feedCode"/>, e.g. <c>health_insurance_arrears_max_months</c>.</summary>
    public static string Of(string feedCode, FeatureRule rule) => $"{feedCode}_{RuleSuffix(rule)}";

    /// <summary>The column name of a history rule on a feed, e.g. <c>telecom_arrears_quarters_4q</c>.</summary>
    public static string Of(string feedCode, HistoryRule rule) => rule switch
    {
        HistoryRule.QuartersIn4 => $"{feedCode}_quarters_4q",
        HistoryRule.Trend => $"{feedCode}_trend_4q",
        HistoryRule.Streak => $"{feedCode}_streak",
        HistoryRule.MaxMonthsIn4 => $"{feedCode}_max_months_4q",
        HistoryRule.MinMeasureIn4 => $"{feedCode}_min_measure_4q",
        HistoryRule.SumMeasureIn4 => $"{feedCode}_sum_measure_4q",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown history rule."),
    };

    public static string RuleSuffix(FeatureRule rule) => rule switch
    {
        FeatureRule.Presence => "presence",
        FeatureRule.Count => "count",
        FeatureRule.MaxMonths => "max_months",
        FeatureRule.LatestMonths => "latest_months",
        FeatureRule.LogAmount => "log_amount",
        FeatureRule.SumLogAmount => "sum_log_amount",
        FeatureRule.MonthsSinceLatest => "months_since_latest",
        FeatureRule.MaxDays => "max_days",
        FeatureRule.MaxCount => "max_count",
        FeatureRule.MeanMeasure => "mean_measure",
        FeatureRule.MinMeasure => "min_measure",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown feature rule."),
    };
}
