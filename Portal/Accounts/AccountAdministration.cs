using BlindSpot.Core.Regions;

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

        if ((role == PortalRole.Officer) != (sigungu is not null))
        {
            throw new ArgumentException("An officer is bound to exactly one 시군구 (--sigungu CODE); analysts and admins to none.");
        }

        if (sigungu is not null && !regions.TryGetSigungu(sigungu, out _))
        {
            throw new ArgumentException($"'{sigungu}' is not a 시군구 code of the region registry.");
        }

        await accounts.AddAsync(new Account { UserName = userName, Role = role, SigunguCode = sigungu, PasswordHash = SignInService.Hash(password), SecurityStamp = Account.NewSecurityStamp() }, ct).ConfigureAwait(false);
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
