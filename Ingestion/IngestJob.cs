using BlindSpot.Core.Paths;
using BlindSpot.Core.Stages;
using BlindSpot.Ingestion.Reporting;

namespace BlindSpot.Ingestion;

/// <summary>
/// One quarter's ingest as <c>blindspot ingest</c> runs it: <see cref="IngestStage"/> through the checkpoint for
/// <see cref="IngestOptions.Quarter"/> under <see cref="IngestOptions.DataRoot"/>. Unchanged inputs with intact outputs are
/// skipped (the last report comes back with <see cref="IngestReport.Skipped"/>); otherwise the same inputs give
/// byte-identical Parquet.
/// </summary>
public sealed class IngestJob
{
    private readonly IngestOptions options;

    public IngestJob(IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
    }

    /// <summary>
    /// Runs (or skips) the stage. Throws <see cref="IngestException"/> (after writing the report) naming every missing
    /// required feed, failed feed or reconciliation error.
    /// </summary>
    public async Task<IngestReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var root = new DataRoot(options.DataRoot);
        var result = await new StageCheckpoint(options.Time).RunAsync(new IngestStage(options), root, options.Quarter, cancellationToken).ConfigureAwait(false);
        return IngestStage.ReportOf(result, root, options.Quarter);
    }
}
