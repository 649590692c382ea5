using System.Globalization;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Pipeline.Jobs;
using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.Extensions.Logging;

namespace BlindSpot.Pipeline.Runs;

/// <summary>
/// Starts a quarter's run: enqueues ingest and chains features → score → dispatch → discovery-index → report as continuations that only
/// start when the stage before succeeded; with <see cref="PipelineOptions.ResolvedScoreShards"/> the ingest, features,
/// score and dispatch stages are each a fan-out of part jobs and a reduce (<see cref="BucketJobs"/>). At most one run per quarter is active: the check and the enqueue happen under
/// a short storage lock (held for milliseconds, not for the run — unlike DisableConcurrentExecution), and a run counts as
/// active while any of its jobs is enqueued, scheduled for a retry, processing or awaiting its parent.
/// </summary>
public sealed partial class QuarterRunTrigger
{
    private static readonly HashSet<string> ActiveStates = new(StringComparer.OrdinalIgnoreCase)
    {
        EnqueuedState.StateName, ScheduledState.StateName, ProcessingState.StateName, AwaitingState.StateName,
    };

    private readonly JobStorage storage;
    private readonly IBackgroundJobClient client;
    private readonly PipelineOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<QuarterRunTrigger> logger;

    public QuarterRunTrigger(JobStorage storage, IBackgroundJobClient client, PipelineOptions options, TimeProvider time, ILogger<QuarterRunTrigger> logger)
    {
        this.logger = logger;
        this.storage = storage;
        this.client = client;
        this.options = options;
        this.time = time;
    }

    /// <summary>
    /// Enqueues a run of <paramref name="quarter"/>; throws <see cref="RunAlreadyActiveException"/> when one is active and
    /// <see cref="DataRootException"/> when the data root does not exist.
    /// </summary>
    public RunTicket Trigger(Quarter quarter)
    {
        // Refused here, in the terminal, before anything is enqueued: a mistyped --data must not become a run that fails later.
        DataRootCheck.RequireExisting(new DataRoot(options.DataRoot));
        using var connection = storage.GetConnection();
        using (connection.AcquireDistributedLock($"blindspot:trigger:{quarter}", TimeSpan.FromSeconds(30)))
        {
            if (Latest(connection, quarter) is { } running && ActiveJob(connection, running) is { } active)
            {
                LogRefused(logger, quarter.ToString(), running.RunId, active.Stage, active.State);
                throw new RunAlreadyActiveException(
                    $"A run of {quarter} is already under way (run {running.RunId}, stage {active.Stage} {active.State.ToLowerInvariant()}, job {active.JobId}); " +
                    $"not starting another. Follow it with 'blindspot runs show {quarter}', or wait for it to finish and trigger again.");
            }

            var now = time.GetUtcNow();
            var runId = string.Create(CultureInfo.InvariantCulture, $"{quarter}-{now:yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid().ToString("N")[..6]}");
            var ticket = new RunTicket(quarter, runId, now, Enqueue(quarter.ToString(), runId));
            connection.SetRangeInHash(RunTicket.HashKey(quarter), ticket.ToHash());
            LogTriggered(logger, quarter.ToString(), runId, options.Queue, options.ResolvedScoreShards);
            return ticket;
        }
    }

    /// <summary>The quarter's latest ticket, or null when it was never triggered through this storage.</summary>
    public RunTicket? Latest(Quarter quarter)
    {
        using var connection = storage.GetConnection();
        return Latest(connection, quarter);
    }

    private static RunTicket? Latest(IStorageConnection connection, Quarter quarter) =>
        RunTicket.FromHash(quarter, connection.GetAllEntriesFromHash(RunTicket.HashKey(quarter)));

    private static (string Stage, string JobId, string State)? ActiveJob(IStorageConnection connection, RunTicket ticket)
    {
        foreach (var (stage, job) in ticket.Jobs)
        {
            if (connection.GetStateData(job)?.Name is { } state && ActiveStates.Contains(state))
            {
                return (stage, job, state);
            }
        }

        return null;
    }

    private Dictionary<string, string> Enqueue(string quarter, string runId)
    {
        var queue = options.Queue;
        var jobs = new Dictionary<string, string>(StringComparer.Ordinal);
        string previous;
        if (options.ResolvedScoreShards)
        {
            // Each reduce stands for its stage: it records it, and the next stage waits for it.
            previous = jobs[PipelineStages.Ingest] = Buckets(null, PipelineStages.Ingest, quarter, runId);
            previous = jobs[PipelineStages.Features] = Buckets(previous, PipelineStages.Features, quarter, runId);
            previous = jobs[PipelineStages.Score] = Buckets(previous, PipelineStages.Score, quarter, runId);
            previous = jobs[PipelineStages.Dispatch] = Buckets(previous, PipelineStages.Dispatch, quarter, runId);
        }
        else
        {
            previous = jobs[PipelineStages.Ingest] = client.Enqueue<QuarterRunJobs>(queue, j => j.IngestAsync(quarter, runId, CancellationToken.None));
            previous = jobs[PipelineStages.Features] = Then(previous, j => j.FeaturesAsync(quarter, runId, CancellationToken.None));
            previous = jobs[PipelineStages.Score] = Then(previous, j => j.ScoreAsync(quarter, runId, CancellationToken.None));
            previous = jobs[PipelineStages.Dispatch] = Then(previous, j => j.DispatchAsync(quarter, runId, CancellationToken.None));
        }

        previous = jobs[PipelineStages.DiscoveryIndex] = Then(previous, j => j.DiscoveryIndexAsync(quarter, runId, CancellationToken.None));
        jobs[PipelineStages.Report] = Then(previous, j => j.ReportAsync(quarter, runId, CancellationToken.None));
        return jobs;
    }

    /// <summary>A bucketed stage after <paramref name="parent"/> (first when null): its fan-out, then its reduce; returns the reduce's job id.</summary>
    private string Buckets(string? parent, string stage, string quarter, string runId)
    {
        var queue = options.Queue;
        var fanOut = parent is null
            ? client.Enqueue<BucketJobs>(queue, j => j.FanOutAsync(stage, quarter, runId, CancellationToken.None))
            : client.ContinueJobWith<BucketJobs>(parent, queue, j => j.FanOutAsync(stage, quarter, runId, CancellationToken.None), new EnqueuedState(queue), JobContinuationOptions.OnlyOnSucceededState);
        return client.ContinueJobWith<BucketJobs>(fanOut, queue, j => j.ReduceAsync(stage, quarter, runId, CancellationToken.None), new EnqueuedState(queue), JobContinuationOptions.OnlyOnSucceededState);
    }

    // OnlyOnSucceededState is explicit: the Task overload's default once let continuations start early (Hangfire #1639).
    private string Then(string parent, System.Linq.Expressions.Expression<Func<QuarterRunJobs, Task>> next) =>
        client.ContinueJobWith(parent, options.Queue, next, new EnqueuedState(options.Queue), JobContinuationOptions.OnlyOnSucceededState);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Run {RunId} of {Quarter} enqueued on queue {Queue} (sharded scoring: {ScoreShards})")]
    private static partial void LogTriggered(ILogger logger, string quarter, string runId, string queue, bool scoreShards);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Run of {Quarter} refused: run {ActiveRunId} is still active ({Stage} {State})")]
    private static partial void LogRefused(ILogger logger, string quarter, string activeRunId, string stage, string state);
}
