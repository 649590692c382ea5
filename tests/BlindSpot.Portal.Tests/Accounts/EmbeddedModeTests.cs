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

    [Test]
    [Platform(Exclude = "Win")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task PersonalDataFiles_AreOwnerOnly_EvenWhereAnOlderInstallLeftThemOpen()
    {
        using var data = await PortalData.CreateAsync();
        var portal = Path.Combine(data.Root.Path, "portal");
        Directory.CreateDirectory(portal, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        await File.WriteAllTextAsync(Path.Combine(portal, "audit.jsonl"), "");
        File.SetUnixFileMode(Path.Combine(portal, "audit.jsonl"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        await using var factory = new PortalFactory(data, database: null);
        using var officer = await factory.SignedInAsync("officer-11110");

        using var upload = await officer.UploadAsync(PortalData.Jongno, PortalData.Quarter, "o.csv", Outcomes.Csv((data.Of(PortalData.Jongno)[0].WorklistId, "supported", "2026-10-15")));

        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        const UnixFileMode File600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.That(File.GetUnixFileMode(portal), Is.EqualTo(Folder), "portal/");
        Assert.That(File.GetUnixFileMode(Path.Combine(portal, "uploads")), Is.EqualTo(Folder), "portal/uploads/");
        Assert.That(File.GetUnixFileMode(Path.Combine(portal, "audit.jsonl")), Is.EqualTo(File600), "audit.jsonl");
        Assert.That(File.GetUnixFileMode(Path.Combine(portal, "accounts.json")), Is.EqualTo(File600), "accounts.json");
        var records = Directory.GetFiles(Path.Combine(portal, "uploads"));
        Assert.That(records, Has.Length.EqualTo(1));
        Assert.That(records.Select(File.GetUnixFileMode), Is.All.EqualTo(File600), "upload records");
    }
}
