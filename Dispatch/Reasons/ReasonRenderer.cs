using System.Globalization;
using System.Text.RegularExpressions;
using BlindSpot.Core.Catalog;

namespace BlindSpot.Dispatch.Reasons;

/// <summary>
/// Turns a reason code from scoring (a feature name and its value) into the Korean sentence an official reads:
/// feed features through the catalog's template filled with the person's latest lake record; person, household and
/// change features through the fixed texts below.
/// </summary>
internal sealed partial class ReasonRenderer(FeedCatalog catalog)
{
    private static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko-KR");

    // Longest code first, so "electricity_use_change_count" is not read as feed "electricity_…" of another name.
    private readonly FeedDefinition[] feedsByCodeLength = [.. catalog.Feeds.OrderByDescending(f => f.Code.Length)];

    /// <summary>The feed a feature derives from, or null for person, household and change features.</summary>
    public FeedDefinition? FeedOf(string feature) =>
        feedsByCodeLength.FirstOrDefault(f => feature.StartsWith(f.Code + "_", StringComparison.Ordinal));

    /// <param name="record">The unit's latest lake record of the feed, or null when there is none to show.</param>
    public string Render(string feature, float value, IReadOnlyDictionary<string, object?>? record)
    {
        if (FeedOf(feature) is { } feed)
        {
            return RenderFeed(feed, record);
        }

        var number = value.ToString("0.#", Korean);
        return feature switch
        {
            "p_crisis_count" => $"위기 지표 {number}종 동시 발생",
            "p_person_feed_count" => $"본인 위기 지표 {number}종",
            "hh_indicator_count" => $"가구 위기 지표 {number}건",
            "hh_members_with_indicator" => $"위기 지표가 있는 가구원 {number}명",
            "hh_share_members_with_indicator" => $"가구원 중 {value * 100:0}%에 위기 지표",
            "hh_household_feed_count" => $"가구 단위 위기 지표 {number}종",
            "hh_log_total_arrears" => $"가구 체납·부채 합계 {Math.Round(Math.Exp(value) - 1).ToString("N0", Korean)}원",
            "hh_single_person" => "1인 가구",
            "hh_any_child" => "아동(18세 미만) 가구원",
            "hh_any_elder" => "65세 이상 가구원",
            "hh_size" => $"가구원 {number}명",
            "p_age" => $"{number}세",
            "p_disability" => "등록 장애인",
            "chg_new_crises" => $"이번 분기 새 위기 지표 {number}종",
            "chg_worsened_arrears" => $"체납 {number}건 악화",
            "chg_resolved_crises" => $"해소된 위기 지표 {number}종",
            _ => $"{feature} = {number}",
        };
    }

    /// <summary>The record columns the feed's sentence quotes (its template's placeholders): all <see cref="RenderFeed"/> reads of a record.</summary>
    public static IReadOnlySet<string> ColumnsOf(FeedDefinition feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return Placeholder().Matches(feed.Reason).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The feed's sentence from its latest record, or its name when there is no record to show.</summary>
    public string RenderFeed(FeedDefinition feed, IReadOnlyDictionary<string, object?>? record) =>
        record is null ? feed.NameKo : Fill(feed.Reason, record);

    private static string Fill(string template, IReadOnlyDictionary<string, object?> record) =>
        Placeholder().Replace(template, match =>
        {
            var value = record.GetValueOrDefault(match.Groups["name"].Value);
            var format = match.Groups["format"].Success ? match.Groups["format"].Value : null;
            return value switch
            {
                null => "?",
                int i => i.ToString(format, Korean),
                long l => l.ToString(format, Korean),
                double d => d.ToString(format ?? "0.#", Korean),
                float f => f.ToString(format ?? "0.#", Korean),
                DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => Convert.ToString(value, Korean) ?? "?",
            };
        });

    [GeneratedRegex(@"\{(?<name>[a-z0-9_]+)(:(?<format>[A-Za-z0-9]+))?\}")]
    private static partial Regex Placeholder();
}
