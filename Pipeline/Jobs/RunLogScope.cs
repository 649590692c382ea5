using Microsoft.Extensions.Logging;

namespace BlindSpot.Pipeline.Jobs;

/// <summary>
/// The logging scope of one job of a run: every line a stage, the runner or a library logs inside it carries the run id
/// and quarter as structured fields (JSON console: <c>Scopes</c>), so an operator can follow one run across workers.
/// </summary>
internal static class RunLogScope
{
    public static IDisposable? Begin(ILogger logger, string quarter, string runId, string job) =>
        logger.BeginScope(new Dictionary<string, object>(StringComparer.Ordinal) { ["RunId"] = runId, ["Quarter"] = quarter, ["Job"] = job });
}
