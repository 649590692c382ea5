namespace BlindSpot.Portal.Accounts;

/// <summary>A portal account as stored: the password only as a salted PBKDF2 hash (ASP.NET Core's PasswordHasher, V3).</summary>
public sealed record Account
{
    /// <summary>Sign-in name: lower-case letters, digits, '.', '-' and '_', 3–64 characters.</summary>
    public required string UserName { get; init; }

    /// <summary>One of <see cref="PortalRole.All"/>.</summary>
    public required string Role { get; init; }

    /// <summary>The 시군구 an officer (시군구 or 읍면동) is bound to (5 digits); null for analysts and admins.</summary>
    public string? SigunguCode { get; init; }

    /// <summary>The 읍면동 (8 digits, starting with <see cref="SigunguCode"/>) a 읍면동 officer is bound to; null for every other role.</summary>
    public string? EupmyeondongCode { get; init; }

    public required string PasswordHash { get; init; }

    /// <summary>A disabled account cannot sign in; it stays on record for the audit log.</summary>
    public bool Disabled { get; init; }

    /// <summary>
    /// A random value copied into every session at sign-in and compared on every request: changing it (sign-out, disable,
    /// reset) ends all the account's live sessions at once, copied cookies included.
    /// </summary>
    public string SecurityStamp { get; init; } = "";

    /// <summary>A fresh <see cref="SecurityStamp"/>: 128 random bits as hex.</summary>
    public static string NewSecurityStamp() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    /// <summary>True when <paramref name="name"/> is a valid sign-in name.</summary>
    public static bool IsValidUserName(string? name) =>
        name is { Length: >= 3 and <= 64 } && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-' or '_');
}
