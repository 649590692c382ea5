using BlindSpot.Dispatch.Outcomes;
using BlindSpot.Portal.Storage;
using BlindSpot.Portal.Uploads;
using BlindSpot.Testing;

namespace BlindSpot.Portal.Tests.Uploads;

/// <summary>The officer page's list of past uploads from PostgreSQL: one quarter and 시군구 only, newest first, limited.</summary>
[Category("Integration")]
[NonParallelizable]
public sealed class PostgresUploadListTests
{
    [Test]
    public async Task ListAsync_GivesOneQuartersAndSigungusUploads_NewestFirst()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var portal = new PortalDatabase(Npgsql.NpgsqlDataSource.Create(database.ConnectionString), database.Schema);
        await portal.MigrateAsync(CancellationToken.None);
        var store = new PostgresUploadStore(portal);
        var start = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
        await store.SaveAsync(Record("a", start, "2026Q3", "11110"), CancellationToken.None);
        await store.SaveAsync(Record("b", start.AddHours(1), "2026Q3", "11110"), CancellationToken.None);
        await store.SaveAsync(Record("c", start.AddHours(2), "2026Q3", "11110"), CancellationToken.None);
        await store.SaveAsync(Record("d", start.AddHours(3), "2026Q3", "41110"), CancellationToken.None);
        await store.SaveAsync(Record("e", start.AddHours(4), "2026Q2", "11110"), CancellationToken.None);

        var listed = await store.ListAsync("2026Q3", "11110", 2, CancellationToken.None);

        Assert.That(listed.Select(r => r.Id[0]), Is.EqualTo(new[] { 'c', 'b' }));
        Assert.That(listed[0].Rows.Single().WorklistId, Is.EqualTo("2026Q3-11110-H-000001"));
    }

    private static UploadRecord Record(string mark, DateTimeOffset at, string quarter, string sigungu) => new()
    {
        Id = mark[0] + new string('0', 31),
        At = at,
        UserName = "officer-" + sigungu,
        Quarter = quarter,
        SigunguCode = sigungu,
        FileName = mark + ".csv",
        Rows = [new OutcomeRowResult(2, true, null, "accepted", "2026Q3-11110-H-000001")],
    };
}
