using Microsoft.AspNetCore.Identity;

namespace BlindSpot.Portal.Accounts;

/// <summary>
/// Checks a name and password: slow salted hash comparison (PasswordHasher V3, PBKDF2), then the brakes of
/// <see cref="SignInThrottle"/>. Every attempt that reaches the check costs exactly one hash verification, whether the
/// name is unknown, disabled, locked out or right, so the answer's timing does not tell which names exist or their state.
/// </summary>
public sealed class SignInService(IAccountStore accounts, IPasswordHasher<Account> hasher, SignInThrottle throttle)
{
    private static readonly PasswordHasher<Account> Hasher = new();

    // A hash of nothing anyone can type, verified for unknown names to spend the same time as a real check.
    private static readonly string DecoyHash = Hasher.HashPassword(null!, Guid.NewGuid().ToString("N"));

    private static readonly Account Decoy = new() { UserName = "-", Role = "-", PasswordHash = DecoyHash };

    /// <summary>The verdict, and the account when the name exists; <paramref name="client"/> is the client's address.</summary>
    public async Task<(SignInVerdict Verdict, Account? Account)> VerifyAsync(string userName, string password, string client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var account = Account.IsValidUserName(userName) ? await accounts.FindAsync(userName, ct).ConfigureAwait(false) : null;
        if (!throttle.TryAttempt(userName))
        {
            return (SignInVerdict.RateLimited, account);
        }

        var subject = account ?? Decoy;
        var matches = hasher.VerifyHashedPassword(subject, subject.PasswordHash, password ?? "") != PasswordVerificationResult.Failed;
        if (account is null)
        {
            return (SignInVerdict.UnknownUser, null);
        }

        if (account.Disabled)
        {
            return (SignInVerdict.Disabled, account);
        }

        if (throttle.IsLocked(userName, client))
        {
            return (SignInVerdict.Locked, account);
        }

        if (!matches)
        {
            return (throttle.Failed(userName, client) ? SignInVerdict.Locked : SignInVerdict.WrongPassword, account);
        }

        throttle.Succeeded(userName, client);
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
