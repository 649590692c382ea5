using BlindSpot.Core.Paths;
using BlindSpot.Core.Runs;
using BlindSpot.Pipeline.Jobs;
using Hangfire;
using Hangfire.Storage;

namespace BlindSpot.Pipeline.Runs;

/// <summary>
/// Follows a triggered run through its jobs' states in the storage and the stages' records in the run manifest, reporting
/// each change of a stage's status until the report stage is done or a stage has failed.
/// </summary>
public sealed class RunFollower
{
    private readonly JobStorage storage;
    private readonly PipelineOptions options;
    private readonly TimeProvider time;

    public RunFollower(JobStorage storage, PipelineOptions options, TimeProvider time)
    {
        this.storage = storage;
        this.options = options;
        this.time = time;
    }

    public async Task<RunOutcome> FollowAsync(RunTicket ticket, Action<StageProgress> onChange, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(onChange);
        var root = new DataRoot(options.DataRoot);
        var seen = new Dictionary<string, StageStatus>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        while (true)
        {
            var manifest = RunManifest.Load(root, ticket.Quarter);
            using (var connection = storage.GetConnection())
            {
                foreach (var (stage, job) in ticket.Jobs)
                {
                    var state = connection.GetStateData(job);
                    var record = manifest.Find(stage);
                    var status = Status(state, record, ticket.TriggeredAt);
                    if (status == StageStatus.Queued && connection.GetJobParameter(job, WaitForShardsAttribute.WaitingParameter) is not null)
                    {
                        // The score reduce between two looks at its shards: the stage is running, on the shards queue.
                        status = StageStatus.Running;
                    }

                    if (!seen.TryGetValue(stage, out var before) || before != status)
                    {
                        seen[stage] = status;
                        var error = status == StageStatus.Failed ? Error(record, state, ticket.TriggeredAt) : null;
                        if (error is not null)
                        {
                            errors[stage] = error;
                        }

                        onChange(new StageProgress(stage, status, record, error));
                    }
                }
            }

            if (seen.GetValueOrDefault(PipelineStages.Report) is StageStatus.Completed or StageStatus.Skipped)
            {
                return new RunOutcome(ticket, true, null, null);
            }

            if (seen.FirstOrDefault(s => s.Value == StageStatus.Failed) is { Key: not null } failed)
            {
                return new RunOutcome(ticket, false, failed.Key, errors.GetValueOrDefault(failed.Key) ?? "see the job in the dashboard");
            }

            // A later stage can read as cancelled in the same poll in which the stage that failed still reads as running:
            // name a cancelled stage only once no stage is still on its way, so the failing stage is the one reported.
            if (seen.Values.All(s => s is not (StageStatus.Waiting or StageStatus.Queued or StageStatus.Running))
                && seen.FirstOrDefault(s => s.Value == StageStatus.Cancelled) is { Key: not null } cancelled)
            {
                return new RunOutcome(ticket, false, cancelled.Key, "cancelled before it ran");
            }

            await Task.Delay(options.PollInterval, time, ct).ConfigureAwait(false);
        }
    }

    // This run's record when the stage recorded its failure; else the job's own reason, which is all there is when the
    // data root could not take a record (read-only, full), with the filter's prefix and the exception type taken off.
    internal static string? Error(StageRecord? record, StateData? state, DateTimeOffset triggeredAt)
    {
        if (record is { State: StageState.Failed, Error: { } recorded } && record.StartedAt >= triggeredAt.AddSeconds(-1))
        {
            return recorded;
        }

        var reason = state?.Reason;
        if (reason is null || !reason.StartsWith(DeleteWhenFailedAttribute.ReasonPrefix, StringComparison.Ordinal))
        {
            return reason ?? record?.Error;
        }

        var rest = reason[DeleteWhenFailedAttribute.ReasonPrefix.Length..];
        var colon = rest.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && !rest[..colon].Contains(' ', StringComparison.Ordinal) ? rest[(colon + 2)..] : rest;
    }

    // Hangfire's state names (its StateName fields are not constants, so they cannot be switch labels).
    private static StageStatus Status(StateData? state, StageRecord? record, DateTimeOffset triggeredAt) => state?.Name switch
    {
        "Awaiting" => StageStatus.Waiting,
        "Enqueued" or "Scheduled" => StageStatus.Queued,
        "Processing" => StageStatus.Running,
        "Succeeded" => record?.FinishedAt < triggeredAt ? StageStatus.Skipped : StageStatus.Completed,
        "Deleted" when state.Reason?.Contains("ontinuation", StringComparison.Ordinal) == true => StageStatus.Cancelled,
        "Deleted" or "Failed" => StageStatus.Failed,
        _ => record?.State == StageState.Completed ? StageStatus.Completed : StageStatus.Cancelled,
    };
}
