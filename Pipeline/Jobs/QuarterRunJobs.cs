using BlindSpot.Core.Quarters;
using BlindSpot.Pipeline.Checkpoints;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace BlindSpot.Pipeline.Jobs;

/// <summary>
/// The Hangfire jobs of a quarter's run, one per stage, each a thin wrapper over its stage library through the
/// checkpointing <see cref="StageRunner"/>. Arguments are the quarter and run id only; delivery is at-least-once, and a
/// rerun of a completed stage with unchanged inputs does nothing.
/// Retries: transient failures only (I/O such as a stage lock held elsewhere, timeouts, the database), twice, 1 and 5
/// minutes apart. A data error (<see cref="Core.Errors.DataErrorException"/>: a missing or damaged delivery, a data root
/// that is missing, read-only or full, a missing input file; deliberately not an IOException) is not retried, as the same
/// inputs would fail the same way; the stage is then deleted at once, which cancels the rest of the chain.
/// </summary>
[AutomaticRetry(Attempts = 2, DelaysInSeconds = [60, 300], OnlyOn = [typeof(IOException), typeof(TimeoutException), typeof(Npgsql.NpgsqlException)], OnAttemptsExceeded = AttemptsExceededAction.Delete)]
[DeleteWhenFailed]
public sealed class QuarterRunJobs
{
    private readonly StageRunner runner;
    private readonly ILogger<QuarterRunJobs> logger;

    internal QuarterRunJobs(StageRunner runner, ILogger<QuarterRunJobs> logger)
    {
        this.runner = runner;
        this.logger = logger;
    }

    public Task IngestAsync(string quarter, string runId, CancellationToken cancellationToken) => RunAsync(PipelineStages.Ingest, quarter, runId, cancellationToken);

    public Task FeaturesAsync(string quarter, string runId, CancellationToken cancellationToken) => RunAsync(PipelineStages.Features, quarter, runId, cancellationToken);

    public Task ScoreAsync(string quarter, string runId, CancellationToken cancellationToken) => RunAsync(PipelineStages.Score, quarter, runId, cancellationToken);

    public Task DispatchAsync(string quarter, string runId, CancellationToken cancellationToken) => RunAsync(PipelineStages.Dispatch, quarter, runId, cancellationToken);

    public Task DiscoveryIndexAsync(string quarter, string runId, CancellationToken cancellationToken) => RunAsync(PipelineStages.DiscoveryIndex, quarter, runId, cancellationToken);

    public Task ReportAsync(string quarter, string runId, CancellationToken cancellationToken) => RunAsync(PipelineStages.Report, quarter, runId, cancellationToken);

    private async Task RunAsync(string stage, string quarter, string runId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        using var scope = RunLogScope.Begin(logger, quarter, runId, stage);
        await runner.RunAsync(stage, Quarter.Parse(quarter), cancellationToken).ConfigureAwait(false);
    }
}
