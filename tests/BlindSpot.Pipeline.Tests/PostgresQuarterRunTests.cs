using BlindSpot.Core.Quarters;
using BlindSpot.Pipeline.Tests.TestSupport;
using BlindSpot.Testing;

namespace BlindSpot.Pipeline.Tests;

/// <summary>The same chain with Hangfire.PostgreSql storage on the real server: same outputs as in memory.</summary>
[Category("Integration")]
[NonParallelizable]
public sealed class PostgresQuarterRunTests
{
    private static readonly string[] Outputs = ["lake", "roster", "features", "scores", "worklists", "outcomes/2026Q3"];

    [Test]
    public async Task Run_WithPostgresStorage_GivesOutputsIdenticalToInMemory()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var (inMemoryRoot, _) = await SampleRoot.CompletedRunAsync();
        var postgresRoot = await SampleRoot.CopyAsync();
        await using var postgres = new TestPipeline(postgresRoot, SampleRoot.Models, database.ConnectionString, database.Schema);
        var (viaPostgres, _) = await postgres.RunAsync(SampleRoot.Quarter);

        Assert.That(viaPostgres.Succeeded, Is.True, viaPostgres.Error);
        var expected = SampleRoot.Hashes(inMemoryRoot, Outputs);
        Assert.That(expected.Keys, Has.Some.StartWith("worklists"));
        Assert.That(SampleRoot.Hashes(postgresRoot, Outputs), Is.EqualTo(expected));
        // With PostgreSQL, ingest, features, scoring and dispatch run as part jobs by default: the stages, and for each of
        // the four a fan-out and one job per part (the reduce is the stage's job): a bucket for features, scoring and
        // dispatch, a delivery (the roster and every feed) of 2026Q2 and 2026Q3 for ingest.
        var parts = Core.Partitioning.TableFiles.InFolder(Path.Combine(postgresRoot, "features", SampleRoot.Quarter)).Count;
        var deliveries = new[] { "2026Q2", SampleRoot.Quarter }.Sum(q => Directory.GetFiles(Path.Combine(postgresRoot, "raw", q), "*.csv*", SearchOption.AllDirectories).Length);
        Assert.That(await database.ScalarAsync($"SELECT count(*) FROM {database.Schema}.job"), Is.EqualTo(PipelineStages.Order.Count + (3 * (1 + parts)) + 1 + deliveries), "one job per stage, fan-out, bucket and delivery, none enqueued twice");
        var entries = BlindSpot.Core.Runs.RunManifest.LoadOrCreate(Path.Combine(postgresRoot, "runs", SampleRoot.Quarter, "manifest.json"), SampleRoot.Quarter).Find(PipelineStages.Dispatch)!.Counts["entries"];
        Assert.That(await database.ScalarAsync($"SELECT count(*) FROM {database.Schema}.worklist_entries WHERE quarter = '{SampleRoot.Quarter}'"), Is.EqualTo(entries).And.Positive, "the dispatch stage also wrote the worklists into PostgreSQL");
    }

    [Test]
    public async Task Trigger_SecondProcessOnSameStorage_IsRefusedWhileRunIsQueued()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var root = Directory.CreateTempSubdirectory("blindspot-pg-trigger-").FullName;
        try
        {
            await using var first = new TestPipeline(root, root, database.ConnectionString, database.Schema);
            await using var second = new TestPipeline(root, root, database.ConnectionString, database.Schema);
            first.Trigger.Trigger(Quarter.Parse("2026Q3"));

            Assert.That(() => second.Trigger.Trigger(Quarter.Parse("2026Q3")), Throws.TypeOf<BlindSpot.Pipeline.Runs.RunAlreadyActiveException>());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
