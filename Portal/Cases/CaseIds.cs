using System.Text.RegularExpressions;

namespace BlindSpot.Portal.Cases;

/// <summary>
/// The shape of a case id in a URL: a worklist id (<c>2026Q3-11110-H-000012</c>), or a case carried over under continued
/// management (<c>2026Q4-11110-K-000001</c>) or found by the 시군구 itself (<c>2026Q3-11110-S-000001</c>), each numbered per
/// quarter and 시군구, or made from a report (<c>2026Q3-11110-R-000042</c>, by the report's number); anything else is not looked up.
/// </summary>
public static partial class CaseIds
{
    /// <summary>The letter of carried-over cases (계속), never a variant's.</summary>
    public const char Carried = 'K';

    /// <summary>The letter of own-discovery cases (자체 발굴), numbered per quarter and 시군구.</summary>
    public const char Own = 'S';

    /// <summary>The letter of cases made from a report from the public (신고), numbered by the report's number.</summary>
    public const char Reported = 'R';

    public static bool IsWellFormed(string? value) => value is { Length: <= 40 } && Shape().IsMatch(value);

    [GeneratedRegex("^[0-9]{4}Q[1-4]-[0-9]{5}-[A-Z]-[0-9]{1,9}$")]
    private static partial Regex Shape();
}
