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
/// A stage split into parts (<see cref="IBucketedStage"/>: ingest, features, score, dispatch): <see cref="FanOutAsync"/> enqueues
/// one <see cref="RunPartAsync"/> per part of the first phase on the shards queue, and <see cref="ReduceAsync"/> — chained
/// after the fan-out — waits for all of them through their states in the job storage, enqueues the next phase's parts
/// when there is one (ingest's feeds after its roster), and once every part succeeded runs the stage's reduce through its
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

            // The first phase only (all the parts, for a stage of one phase); the reduce enqueues the next ones.
            var first = bucketed.Phases(new DataRoot(options.DataRoot), q)[0];
            Save(connection, key, new ShardPlan(runId, Enqueue(stage, quarter, runId, first)));
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
                var error = $"{stage} shard(s) failed (one job per part): {string.Join("; ", failed)}.";
                runner.RecordFailure(q, stage, error);
                throw new InvalidOperationException(error);
            }

            var pending = states.Count(s => s.Value!.Name != "Succeeded");
            if (pending > 0)
            {
                throw new ShardsPendingException($"Waiting for {stage} buckets: {states.Count - pending} of {states.Count} done.", options.PollInterval);
            }

            NextPhase(connection, bucketed, q, runId, plan);
        }

        await runner.RunAsync(bucketed.Reduce, q, cancellationToken).ConfigureAwait(false);
    }

    // Every part enqueued so far succeeded: enqueues the next phase that has parts, if any is left, and waits for it.
    private void NextPhase(IStorageConnection connection, IBucketedStage bucketed, Quarter quarter, string runId, ShardPlan plan)
    {
        var phases = bucketed.Phases(new DataRoot(options.DataRoot), quarter);
        if (plan.Phase + 1 >= phases.Count)
        {
            return;
        }

        var key = ShardPlan.HashKey(bucketed.Name, quarter);
        using (connection.AcquireDistributedLock(key, TimeSpan.FromSeconds(30)))
        {
            // Under the lock, from the plan as stored: a second delivery of this reduce must not enqueue a phase twice.
            var stored = ShardPlan.FromHash(connection.GetAllEntriesFromHash(key));
            if (stored is null || stored.RunId != runId || stored.Phase != plan.Phase)
            {
                throw new ShardsPendingException($"Waiting for {bucketed.Name}: its next phase was enqueued elsewhere.", options.PollInterval);
            }

            var next = plan.Phase + 1;
            while (next + 1 < phases.Count && phases[next].Count == 0)
            {
                next++;
            }

            var jobs = new Dictionary<string, string>(plan.Jobs, StringComparer.Ordinal);
            foreach (var (part, job) in Enqueue(bucketed.Name, quarter.ToString(), runId, phases[next]))
            {
                jobs[part] = job;
            }

            Save(connection, key, new ShardPlan(runId, jobs) { Phase = next });
            if (phases[next].Count > 0)
            {
                throw new ShardsPendingException($"Waiting for {bucketed.Name}: phase {next + 1} of {phases.Count} enqueued ({phases[next].Count} part(s)).", options.PollInterval);
            }
        }
    }

    private Dictionary<string, string> Enqueue(string stage, string quarter, string runId, IEnumerable<string> parts)
    {
        var jobs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            jobs[part] = client.Enqueue<BucketJobs>(options.ShardQueue, j => j.RunPartAsync(stage, quarter, runId, part, CancellationToken.None));
        }

        return jobs;
    }

    private static void Save(IStorageConnection connection, string key, ShardPlan plan)
    {
        using var transaction = connection.CreateWriteTransaction();
        transaction.RemoveHash(key);
        transaction.SetRangeInHash(key, plan.ToHash());
        transaction.Commit();
    }

    private IBucketedStage Stage(string name) => stages.SingleOrDefault(s => s.Name == name)
        ?? throw new ArgumentException($"No bucketed stage '{name}'; they are {string.Join(", ", stages.Select(s => s.Name))}.", nameof(name));
}
