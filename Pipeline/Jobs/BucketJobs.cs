using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Pipeline.Checkpoints;
using BlindSpot.Pipeline.Runs;
using BlindSpot.Pipeline.Stages;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Logging;

namespace BlindSpot.Pipeline.Jobs;

/// <summary>
/// A stage split by household bucket (<see cref="IBucketedStage"/>: features, score, dispatch): <see cref="FanOutAsync"/> enqueues
/// one <see cref="RunPartAsync"/> per bucket on the shards queue, and <see cref="ReduceAsync"/> — chained after the
/// fan-out — waits for all of them through their states in the job storage, then runs the stage's reduce through its
/// checkpoint. Hangfire has no batches in its free version and a continuation has one parent, so the reduce polls: while
/// a part is queued or running it reschedules itself (<see cref="WaitForShardsAttribute"/>), holding no worker; a part
/// that ended Deleted (failed, not retried) fails the stage. Arguments are the stage name, the quarter, the run id and
/// the part name; every job is safe to rerun: a part whose output is current is skipped (its own checkpoint), a crashed
/// one is fetched again by another worker after the invisibility timeout and redone alone.
/// </summary>
[AutomaticRetry(Attempts = 2, DelaysInSeconds = [60, 300], OnlyOn = [typeof(IOException), typeof(TimeoutException), typeof(Npgsql.NpgsqlException)], OnAttemptsExceeded = AttemptsExceededAction.Delete)]
[WaitForShards]
[DeleteWhenFailed]
public sealed class BucketJobs
{
    private readonly StageRunner runner;
    private readonly IReadOnlyList<IBucketedStage> stages;
    private readonly JobStorage storage;
    private readonly IBackgroundJobClient client;
    private readonly PipelineOptions options;
    private readonly ILogger<BucketJobs> logger;
    private readonly ShardFaultHold faultHold;

    internal BucketJobs(StageRunner runner, IEnumerable<IBucketedStage> stages, JobStorage storage, IBackgroundJobClient client, PipelineOptions options, ILogger<BucketJobs> logger, ShardFaultHold faultHold)
    {
        this.runner = runner;
        this.stages = [.. stages];
        this.storage = storage;
        this.client = client;
        this.options = options;
        this.logger = logger;
        this.faultHold = faultHold;
    }

    /// <summary>Enqueues the run's part jobs of <paramref name="stage"/> once (a second delivery finds the run's plan and adds none).</summary>
    public Task FanOutAsync(string stage, string quarter, string runId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var bucketed = Stage(stage);
        var q = Quarter.Parse(quarter);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = storage.GetConnection();
        var key = ShardPlan.HashKey(stage, q);
        using (connection.AcquireDistributedLock(key, TimeSpan.FromSeconds(30)))
        {
            if (ShardPlan.FromHash(connection.GetAllEntriesFromHash(key))?.RunId == runId)
            {
                return Task.CompletedTask;
            }

            var jobs = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var part in bucketed.Parts(new DataRoot(options.DataRoot), q))
            {
                jobs[part] = client.Enqueue<BucketJobs>(options.ShardQueue, j => j.RunPartAsync(stage, quarter, runId, part, CancellationToken.None));
            }

            using var transaction = connection.CreateWriteTransaction();
            transaction.RemoveHash(key);
            transaction.SetRangeInHash(key, new ShardPlan(runId, jobs).ToHash());
            transaction.Commit();
        }

        return Task.CompletedTask;
    }

    /// <summary>Does one part of <paramref name="stage"/> unless its output is current; one at a time per part (a lock file).</summary>
    public async Task RunPartAsync(string stage, string quarter, string runId, string part, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var bucketed = Stage(stage);
        var q = Quarter.Parse(quarter);
        var root = new DataRoot(options.DataRoot);
        using var scope = RunLogScope.Begin(logger, quarter, runId, $"{stage}-{part}");
        using var running = StageLock.Acquire(root, q, $"{stage}-{part}");
        // The crash tests' seam holds a part of the stage they name in flight (none in production).
        await faultHold.WaitAsync(stage, cancellationToken).ConfigureAwait(false);

        await bucketed.RunPartAsync(root, q, part, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits (by rescheduling) until every part of the run succeeded, then runs the stage's reduce through its checkpoint.</summary>
    public async Task ReduceAsync(string stage, string quarter, string runId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var bucketed = Stage(stage);
        var q = Quarter.Parse(quarter);
        using var scope = RunLogScope.Begin(logger, quarter, runId, stage);
        using (var connection = storage.GetConnection())
        {
            var plan = ShardPlan.FromHash(connection.GetAllEntriesFromHash(ShardPlan.HashKey(stage, q)));
            if (plan is null || plan.RunId != runId)
            {
                throw new InvalidOperationException($"No {stage} bucket jobs were enqueued for run {runId} of {q} (the storage holds {(plan is null ? "none" : "run " + plan.RunId)}'s); trigger the quarter again.");
            }

            var states = plan.Jobs.ToDictionary(j => j.Key, j => connection.GetStateData(j.Value), StringComparer.Ordinal);
            var failed = states.Where(s => s.Value?.Name is "Deleted" or "Failed" || s.Value is null).Select(s => $"{s.Key} ({s.Value?.Reason ?? "job gone"})").ToList();
            if (failed.Count > 0)
            {
                var error = $"{stage} shard(s) failed (one job per bucket): {string.Join("; ", failed)}.";
                runner.RecordFailure(q, stage, error);
                throw new InvalidOperationException(error);
            }

            var pending = states.Count(s => s.Value!.Name != "Succeeded");
            if (pending > 0)
            {
                throw new ShardsPendingException($"Waiting for {stage} buckets: {states.Count - pending} of {states.Count} done.", options.PollInterval);
            }
        }

        await runner.RunAsync(bucketed.Reduce, q, cancellationToken).ConfigureAwait(false);
    }

    private IBucketedStage Stage(string name) => stages.SingleOrDefault(s => s.Name == name)
        ?? throw new ArgumentException($"No bucketed stage '{name}'; they are {string.Join(", ", stages.Select(s => s.Name))}.", nameof(name));
}
