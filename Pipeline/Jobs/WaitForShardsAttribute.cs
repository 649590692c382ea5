using Hangfire.Common;
using Hangfire.States;

namespace BlindSpot.Pipeline.Jobs;

/// <summary>
/// Turns the reduce's <see cref="ShardsPendingException"/> into Scheduled (after <see cref="ShardsPendingException.RetryAfter"/>)
/// instead of Failed: the reduce polls the shards' states through the storage, releasing its worker between looks, so
/// a server with a single worker still runs the shards it waits for. Marks the job with <see cref="WaitingParameter"/>,
/// which the run follower reads to show the stage as running rather than queued.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class WaitForShardsAttribute : JobFilterAttribute, IElectStateFilter
{
    /// <summary>The job parameter set once the reduce has waited for shards.</summary>
    public const string WaitingParameter = "BlindSpotWaitingForShards";

    // After AutomaticRetry (20, which leaves this exception alone: it is not in OnlyOn) and before DeleteWhenFailed (30).
    public WaitForShardsAttribute() => Order = 25;

    public void OnStateElection(ElectStateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.CandidateState is FailedState { Exception: ShardsPendingException pending })
        {
            context.SetJobParameter(WaitingParameter, true);
            context.CandidateState = new ScheduledState(pending.RetryAfter) { Reason = pending.Message };
        }
    }
}
