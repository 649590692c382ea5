using BlindSpot.Dispatch.Outcomes;

namespace BlindSpot.Portal.Cases;

/// <summary>
/// Where a case stands: 배정 → 연락/방문 → 상담 → 지원 연계 / 비대상 / 연락불가 → 종결. The three results are the outcomes an
/// upload reports, so a result recorded on the case page feeds the labels exactly as an upload row with that code does.
/// </summary>
public static class CaseStatus
{
    /// <summary>On the 시군구's list (or handed to a 읍면동), nobody reached yet: where every case starts.</summary>
    public const string Assigned = "assigned";

    /// <summary>Called or visited (연락/방문).</summary>
    public const string Contacted = "contacted";

    /// <summary>In counselling (상담).</summary>
    public const string Counselling = "counselling";

    /// <summary>Support given or linked (지원 연계): outcome <see cref="OutcomeCode.Supported"/>.</summary>
    public const string Supported = "supported";

    /// <summary>Checked, not eligible (비대상): outcome <see cref="OutcomeCode.NotEligible"/>.</summary>
    public const string NotEligible = "not_eligible";

    /// <summary>Could not be reached (연락불가): outcome <see cref="OutcomeCode.Unreachable"/>.</summary>
    public const string Unreachable = "unreachable";

    /// <summary>Closed (종결): nothing more to do this quarter.</summary>
    public const string Closed = "closed";

    /// <summary>Every status in the order of the flow.</summary>
    public static IReadOnlyList<string> All { get; } = [Assigned, Contacted, Counselling, Supported, NotEligible, Unreachable, Closed];

    public static bool IsKnown(string? status) => status is not null && All.Contains(status);

    /// <summary>True for the three results (지원 연계, 비대상, 연락불가).</summary>
    public static bool IsResult(string status) => status is Supported or NotEligible or Unreachable;

    /// <summary>Korean name as the pages show it.</summary>
    public static string KoreanName(string status) => status switch
    {
        Assigned => "배정",
        Contacted => "연락/방문",
        Counselling => "상담",
        Supported => "지원 연계",
        NotEligible => "비대상",
        Unreachable => "연락불가",
        Closed => "종결",
        _ => status,
    };

    /// <summary>
    /// The outcome code a result reports, through Dispatch's own <see cref="OutcomeCode.Parse"/> of its Korean words, so
    /// the case page and an upload can never disagree on what a result means. Null for a status that is not a result.
    /// </summary>
    public static string? OutcomeOf(string status) => status switch
    {
        Supported => OutcomeCode.Parse("지원연계"),
        NotEligible => OutcomeCode.Parse("비대상"),
        Unreachable => OutcomeCode.Parse("연락불가"),
        _ => null,
    };

    /// <summary>
    /// Statuses a case in <paramref name="from"/> may move to: forward through contact and counselling, to a result from
    /// any open step, and to 종결 only once there is a result. A closed case stays closed.
    /// </summary>
    public static IReadOnlyList<string> Next(string from) => from switch
    {
        Assigned => [Contacted, Counselling, Supported, NotEligible, Unreachable],
        Contacted => [Counselling, Supported, NotEligible, Unreachable],
        Counselling => [Supported, NotEligible, Unreachable],
        Supported or NotEligible or Unreachable => [Closed],
        _ => [],
    };
}
