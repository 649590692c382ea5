using BlindSpot.Portal.Accounts;
using Microsoft.AspNetCore.Identity;

namespace BlindSpot.Portal.Tests.TestSupport;

/// <summary>The real password hasher, counting how many verifications (the slow PBKDF2 work) each sign-in costs.</summary>
internal sealed class CountingHasher : IPasswordHasher<Account>
{
    private readonly PasswordHasher<Account> inner = new();
    private int verifications;

    public int Verifications => Volatile.Read(ref verifications);

    public string HashPassword(Account user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(Account user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref verifications);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
