using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace BlindSpot.Portal.Accounts;

/// <summary>
/// The sign-in brakes kept in this process's memory: a per-account rate limit (all addresses together, against guessing
/// spread over many addresses) and a lock-out of one (account, client address) pair after
/// <see cref="PortalOptions.LockoutFailures"/> failures in a row, which expires after <see cref="PortalOptions.LockoutDuration"/>.
/// Binding the lock to the address means a stranger who knows an officer's name locks only themselves out; the
/// per-address rate limit of the sign-in route caps how many pairs one address can try.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    // Above this many remembered pairs, pairs whose lock or failure streak has expired are swept out.
    private const int SweepAbove = 10_000;

    private readonly PortalOptions options;
    private readonly TimeProvider time;
    private readonly PartitionedRateLimiter<string> perAccount;
    private readonly ConcurrentDictionary<(string Account, string Client), Streak> streaks = new();

    public SignInThrottle(PortalOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        this.time = time;
        perAccount = PartitionedRateLimiter.Create<string, string>(name => RateLimitPartition.GetFixedWindowLimiter(name,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.LoginPermitsPerAccount, Window = options.LoginWindow, QueueLimit = 0 }));
    }

    /// <summary>Takes one attempt from the account's budget; false when it is spent for this window.</summary>
    public bool TryAttempt(string userName)
    {
        // Names that can be no account share one budget, so made-up names cannot grow the table without bound.
        using var lease = perAccount.AttemptAcquire(Account.IsValidUserName(userName) ? userName : "(invalid)");
        return lease.IsAcquired;
    }

    /// <summary>True while the pair is locked out.</summary>
    public bool IsLocked(string userName, string client) =>
        streaks.TryGetValue((userName, client), out var streak) && streak.LockedUntil > time.GetUtcNow();

    /// <summary>Counts a failure of the pair; true when it now locks the pair out.</summary>
    public bool Failed(string userName, string client)
    {
        var now = time.GetUtcNow();
        if (streaks.Count > SweepAbove)
        {
            foreach (var stale in streaks.Where(s => s.Value.LockedUntil <= now && s.Value.Since + options.LockoutDuration <= now))
            {
                streaks.TryRemove(stale.Key, out _);
            }
        }

        var streak = streaks.AddOrUpdate((userName, client),
            _ => new Streak(1, now, DateTimeOffset.MinValue),
            (_, s) => s.Since + options.LockoutDuration <= now ? new Streak(1, now, DateTimeOffset.MinValue) : s with { Failures = s.Failures + 1 });
        if (streak.Failures < options.LockoutFailures)
        {
            return false;
        }

        streaks[(userName, client)] = new Streak(0, now, now + options.LockoutDuration);
        return true;
    }

    /// <summary>A right password: the pair's failure streak ends.</summary>
    public void Succeeded(string userName, string client) => streaks.TryRemove((userName, client), out _);

    public void Dispose() => perAccount.Dispose();

    private sealed record Streak(int Failures, DateTimeOffset Since, DateTimeOffset LockedUntil);
}
