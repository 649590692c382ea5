using BlindSpot.Core.Catalog;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Postgres;
using BlindSpot.Dispatch.Worklists;
using BlindSpot.Testing;
using Npgsql;

namespace BlindSpot.Dispatch.Tests.Postgres;

[Category("Integration")]
public sealed class PostgresWorklistStoreTests
{
    private static readonly Quarter Q = new(2026, 3);
    private PostgresTestDatabase database = null!;
    private PostgresWorklistStore store = null!;

    [SetUp]
    public async Task CreateSchema()
    {
        database = await PostgresTestDatabase.CreateAsync();
        store = new PostgresWorklistStore(database.DataSource, new PostgresOptions { ConnectionString = database.ConnectionString, Schema = database.Schema });
    }

    [TearDown]
    public async Task DropSchema()
    {
        // Null-safe: NUnit runs this tear-down even after Assert.Ignore in set-up (no PostgreSQL), before the fields are set.
        await (database?.DisposeAsync() ?? ValueTask.CompletedTask);
    }

    [Test]
    public async Task Replace_FirstUse_MigratesAndLoadsEveryRow()
    {
        await store.ReplaceQuarterAsync(Q, Entries(250), CancellationToken.None);

        Assert.That(await store.CountAsync(Q, CancellationToken.None), Is.EqualTo(250));
        Assert.That(await database.ScalarAsync($"SELECT count(*) FROM {database.Schema}.schema_migrations"), Is.EqualTo(SchemaMigrator.Embedded.Count));
    }

    [Test]
    public async Task Replace_Twice_NeverDuplicates()
    {
        await store.ReplaceQuarterAsync(Q, Entries(100), CancellationToken.None);
        await store.ReplaceQuarterAsync(Q, Entries(100), CancellationToken.None);

        Assert.That(await store.CountAsync(Q, CancellationToken.None), Is.EqualTo(100));
    }

    [Test]
    public async Task Replace_OtherQuarter_IsLeftAlone()
    {
        await store.ReplaceQuarterAsync(Q.Previous, Entries(30, Q.Previous), CancellationToken.None);
        await store.ReplaceQuarterAsync(Q, Entries(10), CancellationToken.None);

        Assert.That(await store.CountAsync(Q.Previous, CancellationToken.None), Is.EqualTo(30));
    }

    [Test]
    public async Task Replace_FailingMidLoad_LeavesThePreviousDispatchIntact()
    {
        await store.ReplaceQuarterAsync(Q, Entries(40), CancellationToken.None);
        var broken = Entries(60).ToList();
        broken[59] = broken[59] with { PersonKey = broken[0].PersonKey };

        Assert.ThrowsAsync<PostgresException>(() => store.ReplaceQuarterAsync(Q, broken, CancellationToken.None));

        Assert.That(await store.CountAsync(Q, CancellationToken.None), Is.EqualTo(40));
    }

    [Test]
    public async Task ReadSigungu_GivesOnlyThatSigunguInRankOrder()
    {
        await store.ReplaceQuarterAsync(Q, Entries(20), CancellationToken.None);

        var rows = await store.ReadSigunguAsync(Q, "11110", CancellationToken.None);

        Assert.That(rows, Has.Count.EqualTo(10));
        Assert.That(rows.Select(r => r.SigunguRank), Is.Ordered);
        Assert.That(rows.Select(r => r.WorklistId), Has.All.Contains("-11110-"));
    }

    [Test]
    public async Task Replace_KoreanTextAndArrays_RoundTrip()
    {
        await store.ReplaceQuarterAsync(Q, Entries(2), CancellationToken.None);

        await using var command = database.DataSource.CreateCommand($"SELECT name, reasons[1], other_members FROM {database.Schema}.worklist_entries ORDER BY worklist_id LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.That(reader.GetString(0), Is.EqualTo("김민준0"));
        Assert.That(reader.GetString(1), Is.EqualTo("건강보험료 8개월 체납 (1,240,000원)"));
        Assert.That(reader.GetFieldValue<string[]>(2), Is.EqualTo(new[] { "이서연 (120304-4******)" }));
    }

    private static IReadOnlyList<WorklistEntry> Entries(int count, Quarter? quarter = null) =>
        [.. Enumerable.Range(0, count).Select(i => new WorklistEntry
        {
            WorklistId = $"{quarter ?? Q}-{(i % 2 == 0 ? "11110" : "26110")}-H-{i + 1:D6}",
            Quarter = (quarter ?? Q).ToString(),
            PersonKey = 1000 + i,
            SigunguCode = i % 2 == 0 ? "11110" : "26110",
            SigunguName = i % 2 == 0 ? "종로구" : "중구",
            Variant = Variant.Household,
            RiskBand = "상",
            SigunguRank = (i / 2) + 1,
            NationalRank = i + 1,
            Score = 0.9f,
            Name = $"김민준{i}",
            MaskedResidentNumber = "900101-1******",
            Address = "서울특별시 종로구 세종대로 1",
            Phone = "010-1234-5678",
            Reasons = ["건강보험료 8개월 체납 (1,240,000원)"],
            OtherMembers = ["이서연 (120304-4******)"],
            OutcomeDue = new DateOnly(2026, 11, 29),
            ModelVersion = "test",
        })];
}
