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

    /// <summary>
    /// This client address is locked out of the account after too many failures from it; even the right password is
    /// refused from there until the lock expires. Other addresses are not affected.
    /// </summary>
    Locked,

    /// <summary>The account was disabled by an administrator.</summary>
    Disabled,

    /// <summary>Too many attempts on this account name from all addresses in the window; refused before any password check (429).</summary>
    RateLimited,
}
