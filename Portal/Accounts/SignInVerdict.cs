namespace BlindSpot.Portal.Accounts;

/// <summary>How a sign-in attempt ended; the audit log records it as the outcome.</summary>
public enum SignInVerdict
{
    /// <summary>Name and password matched an enabled, unlocked account.</summary>
    Ok,

    /// <summary>No account by that name (answered exactly like a wrong password).</summary>
    UnknownUser,

    /// <summary>The password did not match; the failure counts towards lock-out.</summary>
    WrongPassword,

    /// <summary>The account is locked after too many failures; even the right password is refused until it expires.</summary>
    Locked,

    /// <summary>The account was disabled by an administrator.</summary>
    Disabled,
}
