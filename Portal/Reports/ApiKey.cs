namespace BlindSpot.Portal.Reports;

/// <summary>An API key as stored: its name, who issued it and when, and when it was revoked (null while it works). The key itself is never stored.</summary>
public sealed record ApiKey(string Name, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt)
{
    public bool Revoked => RevokedAt is not null;
}
