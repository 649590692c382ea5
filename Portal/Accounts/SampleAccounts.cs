namespace BlindSpot.Portal.Accounts;

/// <summary>
/// The accounts seeded for the SYNTHETIC sample only (see docs/PORTAL.md), when the store is empty and the published
/// sample pseudonym key is in use. Their passwords are public on purpose; never seed them where real data is served.
/// </summary>
public static class SampleAccounts
{
    /// <summary>(name, role, 시군구 (읍면동 for a 읍면동 officer), password) of each seeded account.</summary>
    public static IReadOnlyList<(string UserName, string Role, string? Sigungu, string Password)> All { get; } =
    [
        ("officer-11110", PortalRole.Officer, "11110", "sample-officer-11110"),
        ("officer-41110", PortalRole.Officer, "41110", "sample-officer-41110"),
        // A 읍면동 officer of 종로구's 3rd 읍면동: the code is the 읍면동's (8 digits), the 시군구 its first five.
        ("officer-11110515", PortalRole.Eupmyeondong, "11110515", "sample-officer-11110515"),
        ("analyst", PortalRole.Analyst, null, "sample-analyst-pass"),
        ("admin", PortalRole.Admin, null, "sample-admin-pass"),
    ];

    /// <summary>Adds the sample accounts when <paramref name="accounts"/> holds none; returns how many were added.</summary>
    public static async Task<int> SeedAsync(IAccountStore accounts, AccountAdministration administration, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(administration);
        if ((await accounts.ListAsync(ct).ConfigureAwait(false)).Count > 0)
        {
            return 0;
        }

        foreach (var (name, role, sigungu, password) in All)
        {
            await administration.AddAsync(name, role, sigungu, password, ct).ConfigureAwait(false);
        }

        return All.Count;
    }
}
