using BlindSpot.Core.Quarters;
using BlindSpot.Pipeline.Jobs;
using BlindSpot.Pipeline.Runs;
using BlindSpot.Pipeline.Tests.TestSupport;
using BlindSpot.Testing;

namespace BlindSpot.Pipeline.Tests;

/// <summary>
/// A worker process killed (SIGKILL) while it runs a bucket job (PostgreSQL runs build features and score in one job per
/// household bucket): a new worker takes the bucket over once the invisibility timeout (1 minute here) has passed without
/// a heartbeat, the reduce waits for it, the run completes, and the outputs are byte-identical to an uninterrupted
/// single-process run — so no feature row or worklist row is duplicated or lost.
/// </summary>
[Category("Integration")]
[NonParallelizable]
public sealed class WorkerCrashTests
{
    private static readonly string[] Outputs = ["features", "scores", "worklists", "outcomes/2026Q3"];

    [Test]
    public async Task Run_WorkerKilledDuringScoring_NewWorkerCompletesWithIdenticalOutputs()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var (reference, _) = await SampleRoot.CompletedRunAsync();
        var root = await SampleRoot.CopyAsync();
        await using var pipeline = new TestPipeline(root, SampleRoot.Models, database.ConnectionString, database.Schema);
        // Stage jobs (the fan-outs, the reduces polling every second) run in a worker that is never killed, as in the
        // features test below: a kill inside one of their state changes would leave Hangfire.PostgreSql's job state lock
        // behind for its 10-minute timeout. The bucket worker holds each shard for 30 s before scoring it, so the kill
        // lands while a shard is in flight.
        var options = new PipelineOptions();
        using var stages = new WorkerProcess(database.ConnectionString, database.Schema, root, SampleRoot.Models, options.Queue);
        using var first = new WorkerProcess(database.ConnectionString, database.Schema, root, SampleRoot.Models, new Dictionary<string, string> { [ShardFaultHold.Variable] = "30000" }, options.ShardQueue);
        var ticket = pipeline.Trigger.Trigger(Quarter.Parse(SampleRoot.Quarter));

        string? shard = null;
        // After the fan-out has recorded its success: a kill inside that state change would leave Hangfire.PostgreSql's
        // job state lock behind for its 10-minute lock timeout, a different failure from the one this test is about.
        await ShardProbe.WaitUntilAsync(() => ShardProbe.FanOutSucceeded(pipeline) && (shard = ShardProbe.ProcessingShard(pipeline, ticket.Quarter)) is not null, TimeSpan.FromMinutes(2));
        first.Kill();
        using var second = new WorkerProcess(database.ConnectionString, database.Schema, root, SampleRoot.Models, options.ShardQueue);
        // Generous: the takeover alone waits out the 1-minute invisibility timeout, and a loaded 2-core machine slows each stage.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var outcome = await pipeline.Get<RunFollower>().FollowAsync(ticket, _ => { }, timeout.Token);

        Assert.That(outcome.Succeeded, Is.True, outcome.Error);
        var shardHistory = pipeline.Storage.GetMonitoringApi().JobDetails(shard).History;
        Assert.That(shardHistory.Count(h => h.StateName == "Processing"), Is.EqualTo(2), "the killed worker's attempt, then the new worker's");
        Assert.That(SampleRoot.Hashes(root, Outputs), Is.EqualTo(SampleRoot.Hashes(reference, Outputs)));
    }

    [Test]
    public async Task Run_WorkerKilledDuringAFeaturesBucket_NewWorkerCompletesWithIdenticalOutputs()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var (reference, _) = await SampleRoot.CompletedRunAsync();
        var root = await SampleRoot.CopyAsync();
        await using var pipeline = new TestPipeline(root, SampleRoot.Models, database.ConnectionString, database.Schema);
        // Stage jobs (ingest, the fan-outs, the reduces polling every second) run in a worker that is never killed: a kill
        // inside one of their state changes would leave Hangfire.PostgreSql's job state lock behind for its 10-minute
        // timeout, a different failure from the one this test is about. The bucket worker holds each features bucket for
        // 30 s before building it, so the kill lands while one is in flight.
        var options = new PipelineOptions();
        using var stages = new WorkerProcess(database.ConnectionString, database.Schema, root, SampleRoot.Models, options.Queue);
        var hold = new Dictionary<string, string> { [ShardFaultHold.Variable] = "30000", [ShardFaultHold.StageVariable] = PipelineStages.Features };
        using var first = new WorkerProcess(database.ConnectionString, database.Schema, root, SampleRoot.Models, hold, options.ShardQueue);
        var ticket = pipeline.Trigger.Trigger(Quarter.Parse(SampleRoot.Quarter));

        string? bucket = null;
        await ShardProbe.WaitUntilAsync(() => ShardProbe.FanOutSucceeded(pipeline, PipelineStages.Features) && (bucket = ShardProbe.ProcessingShard(pipeline, ticket.Quarter, PipelineStages.Features)) is not null, TimeSpan.FromMinutes(3));
        first.Kill();
        var manifestAtKill = File.Exists(Path.Combine(new Core.Paths.DataRoot(root).FeaturesFolder(Quarter.Parse(SampleRoot.Quarter)), Core.Contracts.FeatureFiles.ManifestFileName));
        using var second = new WorkerProcess(database.ConnectionString, database.Schema, root, SampleRoot.Models, options.ShardQueue);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var outcome = await pipeline.Get<RunFollower>().FollowAsync(ticket, _ => { }, timeout.Token);

        Assert.That(outcome.Succeeded, Is.True, outcome.Error);
        Assert.That(manifestAtKill, Is.False, "killed before the features stage was reduced");
        var bucketHistory = pipeline.Storage.GetMonitoringApi().JobDetails(bucket).History;
        Assert.That(bucketHistory.Count(h => h.StateName == "Processing"), Is.EqualTo(2), "the killed worker's attempt, then the new worker's");
        Assert.That(SampleRoot.Hashes(root, Outputs), Is.EqualTo(SampleRoot.Hashes(reference, Outputs)));
    }
}
