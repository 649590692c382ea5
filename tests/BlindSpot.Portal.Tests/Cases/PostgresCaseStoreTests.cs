using BlindSpot.Portal.Cases;
using BlindSpot.Portal.Storage;
using BlindSpot.Testing;

namespace BlindSpot.Portal.Tests.Cases;

/// <summary>The shared case-store suite on PostgreSQL (a scratch schema per test, migrated by the portal's migrations).</summary>
[Category("Integration")]
[NonParallelizable]
public sealed class PostgresCaseStoreTests : CaseStoreContract
{
    private PostgresTestDatabase? database;
    private PortalDatabase? portal;

    protected override async Task<ICaseStore> CreateStoreAsync()
    {
        database = await PostgresTestDatabase.CreateAsync();
        portal = new PortalDatabase(Npgsql.NpgsqlDataSource.Create(database.ConnectionString), database.Schema);
        return new PostgresCaseStore(portal);
    }

    protected override Task DropStoreAsync() => Task.CompletedTask;

    [TearDown]
    public async Task DisposeDatabaseAsync()
    {
        if (portal is not null)
        {
            await portal.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    [Test]
    public async Task Indexes_AnswerTheOfficersList()
    {
        await CreateStoreAsync();
        await portal!.MigrateAsync(CancellationToken.None);

        var indexes = await database!.ScalarAsync($"SELECT COUNT(*) FROM pg_indexes WHERE schemaname = '{database.Schema}' AND indexname IN ('cases_list', 'cases_eupmyeondong', 'cases_person')");

        Assert.That(indexes, Is.EqualTo(3));
    }
}
