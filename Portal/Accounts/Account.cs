namespace BlindSpot.Portal.Accounts;

/// <summary>A portal account as stored: the password only as a salted PBKDF2 hash (ASP.NET Core's PasswordHasher, V3).</summary>
public sealed record Account
{
    /// <summary>Sign-in name: lower-case letters, digits, '.', '-' and '_', 3–64 characters.</summary>
    public required string UserName { get; init; }

    /// <summary>One of <see cref="PortalRole.All"/>.</summary>
    public required string Role { get; init; }

    /// <summary>The 시군구 an officer is bound to (5 digits); null for analysts and admins.</summary>
    public string? SigunguCode { get; init; }

    public required string PasswordHash { get; init; }

    /// <summary>A disabled account cannot sign in; it stays on record for the audit log.</summary>
    public bool Disabled { get; init; }

    /// <summary>Failed sign-ins since the last success.</summary>
    public int FailedAttempts { get; init; }

    /// <summary>Set when <see cref="FailedAttempts"/> reached the lock-out threshold: no sign-in before this instant.</summary>
    public DateTimeOffset? LockedUntil { get; init; }

    /// <summary>True when <paramref name="name"/> is a valid sign-in name.</summary>
    public static bool IsValidUserName(string? name) =>
        name is { Length: >= 3 and <= 64 } && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-' or '_');
}
