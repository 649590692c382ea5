using Hangfire.Common;
using Hangfire.States;

namespace BlindSpot.Pipeline.Jobs;

/// <summary>
/// Turns a failure that <see cref="Hangfire.AutomaticRetryAttribute"/> does not retry (a data error, not a transient one)
/// into Deleted. Failed is not a final state in Hangfire, so the run's later stages would wait in Awaiting forever;
/// Deleted is, and they are cancelled with it. The reason (and the manifest's stage record) say what went wrong.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class DeleteWhenFailedAttribute : JobFilterAttribute, IElectStateFilter
{
    /// <summary>How the Deleted state's reason starts; the exception's type and message follow.</summary>
    public const string ReasonPrefix = "Stage failed, not retried: ";

    // After AutomaticRetry (Order 20), so a retry it elects is left alone.
    public DeleteWhenFailedAttribute() => Order = 30;

    public void OnStateElection(ElectStateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.CandidateState is FailedState failed)
        {
            context.CandidateState = new DeletedState { Reason = $"{ReasonPrefix}{failed.Exception.GetType().Name}: {failed.Exception.Message}" };
        }
    }
}
