using BlindSpot.Core.Quarters;
using BlindSpot.Pipeline.Jobs;
using BlindSpot.Pipeline.Runs;
using BlindSpot.Pipeline.Tests.TestSupport;
using BlindSpot.Testing;

namespace BlindSpot.Pipeline.Tests;

/// <summary>
/// A worker stopped with SIGTERM (as systemd stops it) while it scores a shard: the Generic Host stops the Hangfire
/// servers, the job's cancellation token fires, and the job goes back to the queue at once (not after the invisibility
/// timeout, as after a SIGKILL); the worker exits 0; a new worker completes the run with outputs byte-identical to an
/// uninterrupted run.
/// </summary>
[Category("Integration")]
[NonParallelizable]
public sealed class WorkerShutdownTests
{
    private static readonly string[] Outputs = ["features", "scores", "worklists", "outcomes/2026Q3"];

    [Test]
    public async Task Run_WorkerTerminatedDuringScoring_JobRequeuedAndNextWorkerCompletesWithIdenticalOutputs()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var (reference, _) = await SampleRoot.CompletedRunAsync();
        var root = await SampleRoot.CopyAsync();
        await using var pipeline = new TestPipeline(root, SampleRoot.Models, database.ConnectionString, database.Schema);
        // The first worker holds each shard for 30 s before scoring it, so SIGTERM lands while a shard is in flight.
        using var first = new WorkerProcess(database.ConnectionString, database.Schema, root, SampleRoot.Models, new Dictionary<string, string> { [ShardFaultHold.Variable] = "30000" });
        var ticket = pipeline.Trigger.Trigger(Quarter.Parse(SampleRoot.Quarter));

        string? shard = null;
        await ShardProbe.WaitUntilAsync(() => (shard = ShardProbe.ProcessingShard(pipeline, ticket.Quarter)) is not null, TimeSpan.FromMinutes(3));
        var exitCode = first.Terminate(TimeSpan.FromSeconds(90));

        Assert.Multiple(async () =>
        {
            Assert.That(exitCode, Is.Zero, first.Output);
            Assert.That(first.Output, Does.Contain("worker: stopped"));
            Assert.That(await QueuedUnfetchedAsync(database, shard!), Is.True, "the shard is back in its queue, not waiting for the invisibility timeout");
        });

        using var second = new WorkerProcess(database.ConnectionString, database.Schema, root, SampleRoot.Models);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var outcome = await pipeline.Get<RunFollower>().FollowAsync(ticket, _ => { }, timeout.Token);

        Assert.That(outcome.Succeeded, Is.True, outcome.Error);
        var shardHistory = pipeline.Storage.GetMonitoringApi().JobDetails(shard).History;
        Assert.That(shardHistory.Count(h => h.StateName == "Processing"), Is.EqualTo(2), "the terminated worker's attempt, then the new worker's");
        Assert.That(shardHistory.Any(h => h.StateName is "Failed" or "Deleted"), Is.False, "a stopped worker records no failure");
        Assert.That(SampleRoot.Hashes(root, Outputs), Is.EqualTo(SampleRoot.Hashes(reference, Outputs)));
    }

    /// <summary>Whether the job sits in Hangfire.PostgreSql's queue table with nobody holding it (fetchedat null).</summary>
    private static async Task<bool> QueuedUnfetchedAsync(PostgresTestDatabase database, string jobId)
    {
        var id = long.Parse(jobId, System.Globalization.CultureInfo.InvariantCulture);
        return await database.ScalarAsync($"SELECT count(*) FROM \"{database.Schema}\".jobqueue WHERE jobid = {id} AND fetchedat IS NULL") == 1;
    }
}
