namespace BlindSpot.Portal.Pages;

/// <summary>Claim types of the portal's session besides name and role.</summary>
internal static class PortalClaims
{
    /// <summary>The officer's 시군구 code; every officer request is checked against it.</summary>
    public const string Sigungu = "blindspot:sigungu";

    /// <summary>A 읍면동 officer's 읍면동 code (8 digits); case requests of such an officer are checked against it.</summary>
    public const string Eupmyeondong = "blindspot:eupmyeondong";

    /// <summary>The account's security stamp when the session was opened; a session whose stamp is no longer the account's has ended.</summary>
    public const string SecurityStamp = "blindspot:stamp";

    /// <summary>When the session was opened (Unix seconds, UTC): the absolute lifetime counts from here, the sliding renewal does not reset it.</summary>
    public const string SignedInAt = "blindspot:signed-in-at";
}
