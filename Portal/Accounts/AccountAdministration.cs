using BlindSpot.Core.Regions;
using BlindSpot.Portal.Cases;

namespace BlindSpot.Portal.Accounts;

/// <summary>Adds, disables and resets accounts (the <c>blindspot users</c> verbs and the sample seed), checking every rule first.</summary>
public sealed class AccountAdministration(IAccountStore accounts, RegionRegistry regions)
{
    public async Task AddAsync(string userName, string role, string? sigungu, string password, CancellationToken ct)
    {
        if (!Account.IsValidUserName(userName))
        {
            throw new ArgumentException($"'{userName}' is not a valid user name: 3–64 lower-case letters, digits, '.', '-' or '_'.");
        }

        if (!PortalRole.IsKnown(role))
        {
            throw new ArgumentException($"'{role}' is not a role: use {string.Join(", ", PortalRole.All)}.");
        }

        var bound = role is PortalRole.Officer or PortalRole.Eupmyeondong;
        if (bound != (sigungu is not null))
        {
            throw new ArgumentException("An officer is bound to exactly one 시군구 (--sigungu CODE; a 읍면동 officer to one 읍면동, its 8-digit code); analysts and admins to none.");
        }

        // A 읍면동 officer's code is the 읍면동's 8 digits; its first five are the 시군구.
        var eupmyeondong = role == PortalRole.Eupmyeondong ? sigungu : null;
        if (eupmyeondong is not null && (eupmyeondong.Length != 8 || !regions.TryGetSigungu(eupmyeondong[..5], out var parent) || !Eupmyeondongs.Of(parent).Contains(eupmyeondong)))
        {
            throw new ArgumentException($"'{eupmyeondong}' is not a 읍면동 code (8 digits, a 읍면동 of a 시군구 of the region registry).");
        }

        sigungu = eupmyeondong?[..5] ?? sigungu;
        if (sigungu is not null && !regions.TryGetSigungu(sigungu, out _))
        {
            throw new ArgumentException($"'{sigungu}' is not a 시군구 code of the region registry.");
        }

        await accounts.AddAsync(new Account { UserName = userName, Role = role, SigunguCode = sigungu, EupmyeondongCode = eupmyeondong, PasswordHash = SignInService.Hash(password), SecurityStamp = Account.NewSecurityStamp() }, ct).ConfigureAwait(false);
    }

    /// <summary>Disables the account; its live sessions end on their next request.</summary>
    public async Task DisableAsync(string userName, CancellationToken ct)
    {
        var account = await FindAsync(userName, ct).ConfigureAwait(false);
        await accounts.UpdateAsync(account with { Disabled = true, SecurityStamp = Account.NewSecurityStamp() }, ct).ConfigureAwait(false);
    }

    /// <summary>Sets a new password and re-enables the account; sessions opened with the old password end.</summary>
    public async Task ResetAsync(string userName, string password, CancellationToken ct)
    {
        var account = await FindAsync(userName, ct).ConfigureAwait(false);
        await accounts.UpdateAsync(account with { PasswordHash = SignInService.Hash(password), Disabled = false, SecurityStamp = Account.NewSecurityStamp() }, ct).ConfigureAwait(false);
    }

    /// <summary>Ends every live session of the account (sign-out): a new security stamp no session cookie carries.</summary>
    public async Task EndSessionsAsync(string userName, CancellationToken ct)
    {
        var account = await FindAsync(userName, ct).ConfigureAwait(false);
        await accounts.UpdateAsync(account with { SecurityStamp = Account.NewSecurityStamp() }, ct).ConfigureAwait(false);
    }

    private async Task<Account> FindAsync(string userName, CancellationToken ct) =>
        await accounts.FindAsync(userName, ct).ConfigureAwait(false) ?? throw new KeyNotFoundException($"No account named '{userName}'; 'blindspot users add' creates one.");
}
