using System.Globalization;
using System.Net;
using System.Text;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Postgres;
using BlindSpot.Portal.Tests.TestSupport;
using BlindSpot.Testing;
using MiniExcelLibs;

namespace BlindSpot.Portal.Tests.Endpoints;

/// <summary>Worklists that live only in Dispatch's PostgreSQL store: listed, shown and streamed like files, still only to their own 시군구.</summary>
[Category("Integration")]
[NonParallelizable]
public sealed class PostgresWorklistTests
{
    private PostgresTestDatabase portalDatabase = null!;
    private PostgresTestDatabase worklistDatabase = null!;
    private PortalData data = null!;
    private PortalFactory factory = null!;

    [SetUp]
    public async Task DispatchToPostgres()
    {
        portalDatabase = await PostgresTestDatabase.CreateAsync();
        worklistDatabase = await PostgresTestDatabase.CreateAsync();
        data = await PortalData.CreateAsync();
        var store = new PostgresWorklistStore(worklistDatabase.DataSource, new PostgresOptions { ConnectionString = worklistDatabase.ConnectionString, Schema = worklistDatabase.Schema });
        await store.ReplaceQuarterAsync(Quarter.Parse(PortalData.Quarter, CultureInfo.InvariantCulture), data.Entries, CancellationToken.None);
        // Only the database holds the worklists now: a file would hide a portal that still read files.
        Directory.Delete(Path.Combine(data.Root.Path, "worklists"), recursive: true);
        factory = new PortalFactory(data, portalDatabase, o =>
        {
            o.WorklistsInPostgres = true;
            o.WorklistSchema = worklistDatabase.Schema;
        });
    }

    [TearDown]
    public async Task DropEverything()
    {
        // Null-safe: NUnit runs this tear-down even after Assert.Ignore in set-up (no PostgreSQL), before the fields are set.
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        data?.Dispose();
        await (worklistDatabase?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (portalDatabase?.DisposeAsync() ?? ValueTask.CompletedTask);
    }

    [Test]
    public async Task OfficerPages_ListShowAndStreamTheDatabasesWorklist()
    {
        using var officer = await factory.SignedInAsync("officer-11110");

        using var quarters = await officer.GetAsync("/officer");
        using var xlsx = await officer.GetAsync("/officer/11110/2026Q3/worklist.xlsx");
        using var csv = await officer.GetAsync("/officer/11110/2026Q3/worklist.csv");
        using var foreign = await officer.GetAsync("/officer/41110/2026Q3/worklist.csv");
        await using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());

        Assert.That(await quarters.Content.ReadAsStringAsync(), Does.Contain("href=\"/officer/11110/2026Q3\""));
        Assert.That(rows.Select(r => r["워크리스트ID"]?.ToString()), Is.EqualTo(data.Of(PortalData.Jongno).Select(e => e.WorklistId)));
        Assert.That(text, Does.Contain("김하나").And.Not.Contain("최네나"));
        Assert.That(foreign.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await AuditRows.CountAsync(portalDatabase, "download", "ok"), Is.EqualTo(2));
        Assert.That(Directory.Exists(Path.Combine(data.Root.Path, "portal", "outgoing")) ? Directory.GetFiles(Path.Combine(data.Root.Path, "portal", "outgoing")) : [], Is.Empty, "the temporary files are gone once streamed");
    }
}
