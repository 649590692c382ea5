using System.Net;
using System.Text;
using BlindSpot.Portal.Tests.TestSupport;
using BlindSpot.Testing;
using Npgsql;

namespace BlindSpot.Portal.Tests.Audit;

/// <summary>The audit log: append-only in PostgreSQL, shown to admins and exported as CSV (the export itself audited).</summary>
[Category("Integration")]
[NonParallelizable]
public sealed class AuditLogTests
{
    private PostgresTestDatabase database = null!;
    private PortalData data = null!;
    private PortalFactory factory = null!;

    [SetUp]
    public async Task StartPortal()
    {
        database = await PostgresTestDatabase.CreateAsync();
        data = await PortalData.CreateAsync();
        factory = new PortalFactory(data, database);
    }

    [TearDown]
    public async Task StopPortal()
    {
        // Null-safe: NUnit runs this tear-down even after Assert.Ignore in set-up (no PostgreSQL), before the fields are set.
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        data?.Dispose();
        await (database?.DisposeAsync() ?? ValueTask.CompletedTask);
    }

    [TestCase("UPDATE {0}.audit_log SET outcome = 'ok'")]
    [TestCase("DELETE FROM {0}.audit_log")]
    [TestCase("TRUNCATE {0}.audit_log")]
    public async Task AuditTable_RefusesChanges(string sql)
    {
        using var officer = await factory.SignedInAsync("officer-11110");

        var error = Assert.ThrowsAsync<PostgresException>(() => database.ScalarAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, database.Schema)));

        Assert.That(error!.MessageText, Does.Contain("append-only"));
        Assert.That(await AuditRows.CountAsync(database, "sign-in", "ok"), Is.EqualTo(1));
    }

    [Test]
    public async Task AdminExport_HoldsEverySignInDownloadAndUpload_AndIsAuditedItself()
    {
        using (var officer = await factory.SignedInAsync("officer-11110"))
        {
            using var download = await officer.GetAsync("/officer/11110/2026Q3/worklist.csv");
            using var upload = await officer.UploadAsync(PortalData.Jongno, PortalData.Quarter, "o.csv", Outcomes.Csv((data.Of(PortalData.Jongno)[0].WorklistId, "supported", "2026-10-15")));
        }

        using var admin = await factory.SignedInAsync("admin");
        using var page = await admin.GetAsync("/admin/audit");
        using var export = await admin.GetAsync("/admin/audit.csv");
        var csv = Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(lines[0], Is.EqualTo("at,user_name,role,sigungu_code,action,target,rows,client,outcome"));
        Assert.That(lines.Skip(1).Select(l => l.Split(',')[4].Trim('"')), Is.EqualTo(new[] { "sign-in", "download", "upload", "sign-in" }));
        Assert.That(lines[2], Does.Contain(",officer-11110,officer,11110,download,2026Q3/11110.csv,3,"));
        Assert.That(await AuditRows.CountAsync(database, "audit-export", "ok", "admin"), Is.EqualTo(1));
    }
}
