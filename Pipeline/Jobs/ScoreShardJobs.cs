using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Pipeline.Checkpoints;
using BlindSpot.Pipeline.Runs;
using BlindSpot.Pipeline.Stages;
using BlindSpot.Scoring.Batch;
using BlindSpot.Scoring.Registry;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Logging;

namespace BlindSpot.Pipeline.Jobs;

/// <summary>
/// The score stage split by 시도: <see cref="FanOutAsync"/> enqueues one <see cref="ScorePartAsync"/> per features part on
/// the shards queue, and <see cref="ReduceAsync"/> — chained after the fan-out — waits for all of them through their
/// states in the job storage, then joins their results into the national ranking. Hangfire has no batches in its free
/// version and a continuation has one parent, so the reduce polls: while a shard is queued or running it reschedules
/// itself (<see cref="WaitForShardsAttribute"/>), holding no worker; a shard that ended Deleted (failed, not retried)
/// fails the stage. Arguments are the quarter, the run id and the part name; every job is safe to rerun: a shard with
/// an unchanged key is skipped, a crashed one is fetched again by another worker after the invisibility timeout.
/// </summary>
[AutomaticRetry(Attempts = 2, DelaysInSeconds = [60, 300], OnlyOn = [typeof(IOException), typeof(TimeoutException), typeof(Npgsql.NpgsqlException)], OnAttemptsExceeded = AttemptsExceededAction.Delete)]
[WaitForShards]
[DeleteWhenFailed]
public sealed class ScoreShardJobs
{
    private readonly StageRunner runner;
    private readonly ScoreReduce reduce;
    private readonly JobStorage storage;
    private readonly IBackgroundJobClient client;
    private readonly PipelineOptions options;
    private readonly ILogger<ScoreShardJobs> logger;
    private readonly ShardFaultHold faultHold;

    internal ScoreShardJobs(StageRunner runner, ScoreReduce reduce, JobStorage storage, IBackgroundJobClient client, PipelineOptions options, ILogger<ScoreShardJobs> logger, ShardFaultHold faultHold)
    {
        this.logger = logger;
        this.faultHold = faultHold;
        this.runner = runner;
        this.reduce = reduce;
        this.storage = storage;
        this.client = client;
        this.options = options;
    }

    /// <summary>Enqueues the run's shard jobs once (a second delivery of this job finds the run's plan and adds none).</summary>
    public Task FanOutAsync(string quarter, string runId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var q = Quarter.Parse(quarter);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = storage.GetConnection();
        using (connection.AcquireDistributedLock(ShardPlan.HashKey(q), TimeSpan.FromSeconds(30)))
        {
            if (ShardPlan.FromHash(connection.GetAllEntriesFromHash(ShardPlan.HashKey(q)))?.RunId == runId)
            {
                return Task.CompletedTask;
            }

            var jobs = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var part in ShardFiles.Parts(new DataRoot(options.DataRoot), q))
            {
                jobs[part] = client.Enqueue<ScoreShardJobs>(options.ShardQueue, j => j.ScorePartAsync(quarter, runId, part, CancellationToken.None));
            }

            using var transaction = connection.CreateWriteTransaction();
            transaction.RemoveHash(ShardPlan.HashKey(q));
            transaction.SetRangeInHash(ShardPlan.HashKey(q), new ShardPlan(runId, jobs).ToHash());
            transaction.Commit();
        }

        return Task.CompletedTask;
    }

    /// <summary>Scores one part into its shard file, unless the file is already current; one at a time per part (a lock file).</summary>
    public async Task ScorePartAsync(string quarter, string runId, string part, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var q = Quarter.Parse(quarter);
        var root = new DataRoot(options.DataRoot);
        using var scope = RunLogScope.Begin(logger, quarter, runId, $"{PipelineStages.Score}-{part}");
        using var running = StageLock.Acquire(root, q, $"{PipelineStages.Score}-{part}");
        await faultHold.WaitAsync(cancellationToken).ConfigureAwait(false);
        await ShardScorer.ScoreAsync(root, q, part, new ModelRegistry(options.ResolvedModelsFolder), new ScoreOptions(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits (by rescheduling) until every shard of the run succeeded, then runs the score stage's reduce through its checkpoint.</summary>
    public async Task ReduceAsync(string quarter, string runId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var q = Quarter.Parse(quarter);
        using var scope = RunLogScope.Begin(logger, quarter, runId, PipelineStages.Score);
        using (var connection = storage.GetConnection())
        {
            var plan = ShardPlan.FromHash(connection.GetAllEntriesFromHash(ShardPlan.HashKey(q)));
            if (plan is null || plan.RunId != runId)
            {
                throw new InvalidOperationException($"No shards were enqueued for run {runId} of {q} (the storage holds {(plan is null ? "none" : "run " + plan.RunId)}'s); trigger the quarter again.");
            }

            var states = plan.Jobs.ToDictionary(j => j.Key, j => connection.GetStateData(j.Value), StringComparer.Ordinal);
            var failed = states.Where(s => s.Value?.Name is "Deleted" or "Failed" || s.Value is null).Select(s => $"{s.Key} ({s.Value?.Reason ?? "job gone"})").ToList();
            if (failed.Count > 0)
            {
                var error = $"Scoring shard(s) failed: {string.Join("; ", failed)}.";
                runner.RecordFailure(q, PipelineStages.Score, error);
                throw new InvalidOperationException(error);
            }

            var pending = states.Count(s => s.Value!.Name != "Succeeded");
            if (pending > 0)
            {
                throw new ShardsPendingException($"Waiting for shards: {states.Count - pending} of {states.Count} done.", options.PollInterval);
            }
        }

        await runner.RunAsync(reduce, q, cancellationToken).ConfigureAwait(false);
    }
}
