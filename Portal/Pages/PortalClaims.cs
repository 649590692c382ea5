namespace BlindSpot.Portal.Pages;

/// <summary>Claim types of the portal's session besides name and role.</summary>
internal static class PortalClaims
{
    /// <summary>The officer's 시군구 code; every officer request is checked against it.</summary>
    public const string Sigungu = "blindspot:sigungu";
}
