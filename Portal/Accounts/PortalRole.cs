namespace BlindSpot.Portal.Accounts;

/// <summary>The kinds of portal user; the role claim holds one of these codes.</summary>
public static class PortalRole
{
    /// <summary>A municipal officer: sees and reports on one 시군구's worklists only.</summary>
    public const string Officer = "officer";

    /// <summary>A 읍면동 officer: sees and works the cases their 시군구 assigned to their one 읍면동, nothing else.</summary>
    public const string Eupmyeondong = "eupmyeondong";

    /// <summary>A central analyst: runs, reports, models and the Hangfire dashboard; no worklists.</summary>
    public const string Analyst = "analyst";

    /// <summary>An administrator: the audit log and everything an analyst sees.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Officer, Eupmyeondong, Analyst, Admin];

    /// <summary>True for one of the codes (exact, lower-case).</summary>
    public static bool IsKnown(string? role) => role is Officer or Eupmyeondong or Analyst or Admin;

    /// <summary>The role's name as the pages show it (시군구 담당자, 읍면동 담당자, 분석가, 관리자); the code itself for anything else.</summary>
    public static string KoreanName(string? role) => role switch
    {
        Officer => "시군구 담당자",
        Eupmyeondong => "읍면동 담당자",
        Analyst => "분석가",
        Admin => "관리자",
        _ => role ?? "",
    };
}
