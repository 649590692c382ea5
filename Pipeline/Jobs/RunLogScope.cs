using BlindSpot.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace BlindSpot.Pipeline.Jobs;

/// <summary>
/// The logging scope of one job of a run: every line a stage, the runner or a library logs inside it carries the run id
/// and quarter as structured fields (JSON console: <c>Scopes</c>), so an operator can follow one run across workers;
/// and every span the job makes belongs to the run's trace.
/// </summary>
internal static class RunLogScope
{
    // A message-template scope: structured fields for JSON, and a readable "run … of …, job …" on a terminal. The job's
    // span in the run's trace (BlindSpotTelemetry) starts and ends with it.
    public static IDisposable? Begin(ILogger logger, string quarter, string runId, string job) =>
        new JobScope(logger.BeginScope("run {RunId} of {Quarter}, job {Job}", runId, quarter, job), BlindSpotTelemetry.StartJob(job, quarter, runId));
}
