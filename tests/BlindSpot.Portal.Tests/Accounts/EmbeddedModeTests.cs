using System.Net;
using System.Text.Json;
using BlindSpot.Portal.Tests.TestSupport;

namespace BlindSpot.Portal.Tests.Accounts;

/// <summary>Without PostgreSQL: accounts in the embedded file (hashes only), the audit log as append-only JSON lines.</summary>
[NonParallelizable]
public sealed class EmbeddedModeTests
{
    [Test]
    public async Task SignInAndDownload_AreAuditedInTheJsonLinesFile_AndTheAccountsFileHoldsNoPassword()
    {
        using var data = await PortalData.CreateAsync();
        await using var factory = new PortalFactory(data, database: null);
        using var officer = await factory.SignedInAsync("officer-41110");

        using var download = await officer.GetAsync("/officer/41110/2026Q3/worklist.csv");
        using var foreign = await officer.GetAsync("/officer/11110/2026Q3/worklist.csv");

        Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(foreign.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var lines = await File.ReadAllLinesAsync(Path.Combine(data.Root.Path, "portal", "audit.jsonl"));
        var entries = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.That(entries.Select(e => (e.GetProperty("action").GetString(), e.GetProperty("outcome").GetString())),
            Is.EqualTo(new[] { ("sign-in", "ok"), ("download", "ok"), ("denied", "other-sigungu") }));
        Assert.That(entries[1].GetProperty("rows").GetInt32(), Is.EqualTo(2));
        var accounts = await File.ReadAllTextAsync(Path.Combine(data.Root.Path, "portal", "accounts.json"));
        Assert.That(BlindSpot.Portal.Accounts.SampleAccounts.All.Select(a => a.Password), Has.None.Matches<string>(p => accounts.Contains(p, StringComparison.Ordinal)));
    }
}
