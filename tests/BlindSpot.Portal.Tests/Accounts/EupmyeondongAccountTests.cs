using BlindSpot.Core.Regions;
using BlindSpot.Portal.Accounts;

namespace BlindSpot.Portal.Tests.Accounts;

/// <summary>A 읍면동 officer's account: bound to one 읍면동 of the registry, its 시군구 taken from the code.</summary>
public sealed class EupmyeondongAccountTests
{
    [Test]
    public async Task Add_EupmyeondongOfficer_StoresTheSigunguAndTheEupmyeondong()
    {
        var folder = Directory.CreateTempSubdirectory("blindspot-accounts-").FullName;
        try
        {
            var store = new FileAccountStore(Path.Combine(folder, "accounts.json"));
            await new AccountAdministration(store, RegionRegistry.LoadDefault()).AddAsync("dong-11110515", PortalRole.Eupmyeondong, "11110515", "a-long-enough-password", CancellationToken.None);

            var account = await store.FindAsync("dong-11110515", CancellationToken.None);

            Assert.That((account!.Role, account.SigunguCode, account.EupmyeondongCode), Is.EqualTo((PortalRole.Eupmyeondong, "11110", "11110515")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestCase(PortalRole.Eupmyeondong, "11110", TestName = "Add_EupmyeondongOfficerWithASigunguCode_IsRefused")]
    [TestCase(PortalRole.Eupmyeondong, "11110999", TestName = "Add_EupmyeondongOfficerWithACodeTheSigunguDoesNotHave_IsRefused")]
    [TestCase(PortalRole.Eupmyeondong, null, TestName = "Add_EupmyeondongOfficerWithoutACode_IsRefused")]
    [TestCase(PortalRole.Officer, "11110515", TestName = "Add_SigunguOfficerWithAnEupmyeondongCode_IsRefused")]
    public void Add_WithACodeThatDoesNotFitTheRole_IsRefused(string role, string? code)
    {
        var administration = new AccountAdministration(new FileAccountStore(Path.Combine(Path.GetTempPath(), $"never-{Guid.NewGuid():N}.json")), RegionRegistry.LoadDefault());

        Assert.That(() => administration.AddAsync("someone", role, code, "a-long-enough-password", CancellationToken.None), Throws.ArgumentException);
    }
}
