using Microsoft.AspNetCore.Identity;

namespace BlindSpot.Portal.Accounts;

/// <summary>
/// Checks a name and password: slow salted hash comparison (PasswordHasher V3, PBKDF2), a failure counter, and lock-out
/// for <see cref="PortalOptions.LockoutDuration"/> after <see cref="PortalOptions.LockoutFailures"/> failures in a row.
/// An unknown name costs the same hash work as a wrong password, so timing does not tell which names exist.
/// </summary>
public sealed class SignInService(IAccountStore accounts, PortalOptions options, TimeProvider time)
{
    private static readonly PasswordHasher<Account> Hasher = new();

    // A hash of nothing anyone can type, verified for unknown names to spend the same time as a real check.
    private static readonly string DecoyHash = Hasher.HashPassword(null!, Guid.NewGuid().ToString("N"));

    /// <summary>The verdict, and the account when the name exists.</summary>
    public async Task<(SignInVerdict Verdict, Account? Account)> VerifyAsync(string userName, string password, CancellationToken ct)
    {
        var account = Account.IsValidUserName(userName) ? await accounts.FindAsync(userName, ct).ConfigureAwait(false) : null;
        if (account is null)
        {
            Hasher.VerifyHashedPassword(null!, DecoyHash, password);
            return (SignInVerdict.UnknownUser, null);
        }

        var now = time.GetUtcNow();
        if (account.Disabled)
        {
            return (SignInVerdict.Disabled, account);
        }

        if (account.LockedUntil is { } until && until > now)
        {
            return (SignInVerdict.Locked, account);
        }

        if (Hasher.VerifyHashedPassword(account, account.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            var failures = account.FailedAttempts + 1;
            var locked = failures >= options.LockoutFailures;
            await accounts.UpdateAsync(account with { FailedAttempts = locked ? 0 : failures, LockedUntil = locked ? now + options.LockoutDuration : account.LockedUntil }, ct).ConfigureAwait(false);
            return (locked ? SignInVerdict.Locked : SignInVerdict.WrongPassword, account);
        }

        if (account.FailedAttempts > 0 || account.LockedUntil is not null)
        {
            await accounts.UpdateAsync(account with { FailedAttempts = 0, LockedUntil = null }, ct).ConfigureAwait(false);
        }

        return (SignInVerdict.Ok, account);
    }

    /// <summary>A hash of <paramref name="password"/> to store (PasswordHasher V3: PBKDF2-HMAC-SHA512, salted).</summary>
    public static string Hash(string password)
    {
        CheckPassword(password);
        return Hasher.HashPassword(null!, password);
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless the password has at least 12 characters.</summary>
    public static void CheckPassword(string password)
    {
        if (password is null || password.Length < 12)
        {
            throw new ArgumentException("A password needs at least 12 characters.");
        }
    }
}
