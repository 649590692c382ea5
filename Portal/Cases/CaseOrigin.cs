namespace BlindSpot.Portal.Cases;

/// <summary>How a case came onto a 시군구's list.</summary>
public static class CaseOrigin
{
    /// <summary>Selected centrally and dispatched on the quarter's worklist; the case id is the worklist id.</summary>
    public const string Dispatch = "dispatch";

    /// <summary>Found by the 시군구 or 읍면동 itself among the people with crisis information (자체 발굴).</summary>
    public const string OwnDiscovery = "own";

    /// <summary>Reported by a neighbour or an institution (복지위기 알림, 신고).</summary>
    public const string Report = "report";

    /// <summary>Carried over from the quarter before under continued management (지속관리) until closed.</summary>
    public const string Continued = "continued";

    public static string KoreanName(string origin) => origin switch
    {
        Dispatch => "발굴 명단",
        OwnDiscovery => "자체 발굴",
        Report => "신고",
        Continued => "지속관리 이월",
        _ => origin,
    };
}
