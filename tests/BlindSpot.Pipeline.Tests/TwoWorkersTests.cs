using BlindSpot.Core.Quarters;
using BlindSpot.Pipeline.Jobs;
using BlindSpot.Pipeline.Runs;
using BlindSpot.Pipeline.Tests.TestSupport;
using BlindSpot.Testing;

namespace BlindSpot.Pipeline.Tests;

/// <summary>
/// Scale-out: two <c>blindspot worker</c> processes on one PostgreSQL job storage share the score shards and the dispatch
/// bucket jobs of a run, and the result is the single-process run's, byte for byte.
/// </summary>
[Category("Integration")]
[NonParallelizable]
public sealed class TwoWorkersTests
{
    private static readonly string[] Outputs = ["scores", "worklists", "outcomes/2026Q3"];

    [Test]
    public async Task Run_TwoWorkerProcesses_BothTakeShardsAndOutputsEqualSingleProcessRun()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var (reference, _) = await SampleRoot.CompletedRunAsync();
        var root = await SampleRoot.CopyAsync();
        await using var pipeline = new TestPipeline(root, SampleRoot.Models, database.ConnectionString, database.Schema);
        // Each shard and dispatch part is held for 1 s before its work (a sample part takes milliseconds), so neither
        // process can drain the shards queue alone before the other one polls it. Seven buckets (the sample is one by
        // default), so there are seven features bucket jobs, seven shards and seven dispatch parts to share.
        var hold = new Dictionary<string, string>
        {
            [ShardFaultHold.Variable] = "1000",
            [ShardFaultHold.StageVariable] = $"{PipelineStages.Score},{PipelineStages.Dispatch}",
            ["BLINDSPOT_PARTITIONING__BUCKETS"] = "7",
        };
        using var first = new WorkerProcess(database.ConnectionString, database.Schema, root, SampleRoot.Models, hold, "quarter", "shards");
        using var second = new WorkerProcess(database.ConnectionString, database.Schema, root, SampleRoot.Models, hold, "quarter", "shards");
        var ticket = pipeline.Trigger.Trigger(Quarter.Parse(SampleRoot.Quarter));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));

        var outcome = await pipeline.Get<RunFollower>().FollowAsync(ticket, _ => { }, timeout.Token);

        Assert.That(outcome.Succeeded, Is.True, outcome.Error);
        var processing = ShardProcessing(pipeline, PipelineStages.Score, ticket.Quarter);
        var features = ShardProcessing(pipeline, PipelineStages.Features, ticket.Quarter);
        var dispatch = ShardProcessing(pipeline, PipelineStages.Dispatch, ticket.Quarter);
        Assert.Multiple(() =>
        {
            Assert.That(processing, Has.Count.EqualTo(7), "one shard per bucket");
            Assert.That(features.Keys, Is.EquivalentTo(processing.Keys), "one features bucket job per bucket");
            Assert.That(features.Values.Select(p => p.Count), Is.All.EqualTo(1), "every features bucket ran once");
            Assert.That(processing.Values.Select(p => p.Count), Is.All.EqualTo(1), "every shard ran once");
            Assert.That(processing.Values.SelectMany(p => p).Distinct().Count(), Is.EqualTo(2), "both worker processes took shards");
            Assert.That(dispatch.Keys, Is.EquivalentTo(processing.Keys), "one dispatch bucket job per bucket");
            Assert.That(dispatch.Values.Select(p => p.Count), Is.All.EqualTo(1), "every dispatch bucket job ran once");
            Assert.That(dispatch.Values.SelectMany(p => p).Distinct().Count(), Is.EqualTo(2), "both worker processes took dispatch bucket jobs");
            Assert.That(SampleRoot.Hashes(root, Outputs), Is.EqualTo(SampleRoot.Hashes(reference, Outputs)));
        });
        Assert.That(await WorklistRowsAsync(database), Is.EqualTo(WorklistFileRows(reference)), "the worklist rows in PostgreSQL are the single-process run's file rows");
        AssertIngestPartsShared(pipeline, ticket.Quarter);
    }

    // Ingest's part jobs (the roster of 2026Q2 and 2026Q3, then one per delivered feed of each: about a hundred, not
    // held) each ran once, and both worker processes took some.
    private static void AssertIngestPartsShared(TestPipeline pipeline, Quarter quarter)
    {
        var ingest = ShardProcessing(pipeline, PipelineStages.Ingest, quarter);
        Assert.Multiple(() =>
        {
            Assert.That(ingest.Keys, Has.Member($"{quarter}.gas_arrears").And.Member($"{quarter.Previous}.gas_arrears"), "one ingest part per delivered feed of both quarters");
            Assert.That(ingest.Values.Select(p => p.Count), Is.All.EqualTo(1), "every ingest part ran once");
            Assert.That(ingest.Values.SelectMany(p => p).Distinct().Count(), Is.EqualTo(2), "both worker processes took ingest parts");
        });
    }

    // Worklist id and masked resident number of every row the dispatch stage put into PostgreSQL.
    private static async Task<List<string>> WorklistRowsAsync(PostgresTestDatabase database)
    {
        var rows = new List<string>();
        await using var command = database.DataSource.CreateCommand($"SELECT worklist_id, masked_resident_no FROM {database.Schema}.worklist_entries WHERE quarter = '{SampleRoot.Quarter}'");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add($"{reader.GetString(0)} {reader.GetString(1)}");
        }

        return [.. rows.Order(StringComparer.Ordinal)];
    }

    // The same pairs from the worklist CSV files of a run.
    private static List<string> WorklistFileRows(string root) => [.. Directory.GetFiles(Path.Combine(root, "worklists", SampleRoot.Quarter), "*.csv")
        .SelectMany(WorklistCsv.IdAndPerson).Order(StringComparer.Ordinal)];

    // Bucket part of a stage → the servers that started it (a Processing state's ServerId names the worker process).
    private static Dictionary<string, List<string>> ShardProcessing(TestPipeline pipeline, string stage, Quarter quarter)
    {
        using var connection = pipeline.Storage.GetConnection();
        var plan = ShardPlan.FromHash(connection.GetAllEntriesFromHash(ShardPlan.HashKey(stage, quarter)))!;
        var monitoring = pipeline.Storage.GetMonitoringApi();
        return plan.Jobs.ToDictionary(
            j => j.Key,
            j => monitoring.JobDetails(j.Value).History.Where(h => h.StateName == "Processing").Select(h => Server(h.Data["ServerId"])).ToList());
    }

    // Hangfire's server id is "<ServerName>:<guid>"; the name carries the process id.
    private static string Server(string serverId) => serverId[..serverId.LastIndexOf(':')];
}
