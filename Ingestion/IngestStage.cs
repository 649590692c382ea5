using System.Globalization;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Contracts;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Stages;

namespace BlindSpot.Ingestion;

/// <summary>
/// The ingest stage under the stage contract: reads the quarter's deliveries (roster and feeds, <c>.csv</c> or
/// <c>.csv.gz</c>) and the quarter before's ingest report (the volume checks' baseline), under the catalog, the pseudonym
/// key and the options that change what is written (the number of buckets among them); writes the roster and the lake
/// bucket by bucket (<c>bucket=NNN/part-0.parquet</c>) with <c>_partitioning.json</c>, the quarantine and
/// <c>ingest-report.json</c>. <see cref="IngestOptions.Quarter"/> and <see cref="IngestOptions.DataRoot"/> are not used:
/// the checkpoint says which. <see cref="StageOutcome.Detail"/> is the <see cref="Reporting.IngestReport"/>.
/// </summary>
public sealed class IngestStage : IQuarterStage
{
    private static readonly string[] Extensions = [".csv", ".csv.gz"];

    private readonly IngestOptions options;
    private readonly FeedCatalog catalog;

    public IngestStage(IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ValidateSettings();
        this.options = options;
        catalog = options.Catalog ?? FeedCatalog.LoadDefault();
    }

    public string Name => StageNames.Ingest;

    public StageDeclaration Declare(DataRoot root, Quarter quarter)
    {
        ArgumentNullException.ThrowIfNull(root);
        var raw = root.RawFolder(quarter);
        return StageDeclaration.Empty
            .Reads(catalog.Feeds.Prepend(catalog.Roster).SelectMany(f => Extensions.Select(e => Path.Combine(raw, f.Source, f.Code + e))))
            .Reads(root.IngestReport(quarter.Previous))
            .DependsOn("catalog", catalog.Version)
            .DependsOn("pseudonym-key", options.Pseudonymizer!.Household("#key-fingerprint").ToString())
            .DependsOn("options", string.Create(CultureInfo.InvariantCulture,
                $"rowGroup={options.RowGroupSize} maxLine={options.MaxLineBytes} unmatched={options.MaxUnmatchedLines} roster±{options.MaxRosterChange} feeds±{options.MaxFeedChange} accept={options.AcceptVolumeChange}"))
            .DependsOn("buckets", options.Buckets is { } buckets ? buckets.ToString(CultureInfo.InvariantCulture) : "default")
            .WritesTree(root.RosterFolder(quarter), BucketLayout.PartPattern)
            .Writes(root.Partitioning(quarter))
            .WritesTree(root.LakeFolder(quarter), BucketLayout.PartPattern)
            .WritesAll(root.QuarantineFolder(quarter), "*.rejects.csv")
            .Writes(root.IngestReport(quarter));
    }

    /// <summary>
    /// The ingest report of <paramref name="result"/>: the one this run wrote, or, when the checkpoint skipped the stage,
    /// the last one on disk marked <see cref="Reporting.IngestReport.Skipped"/>.
    /// </summary>
    public static Reporting.IngestReport ReportOf(StageResult result, DataRoot root, Quarter quarter)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(root);
        return result.Outcome?.Detail as Reporting.IngestReport
            ?? (Reporting.IngestReport.Load(root.IngestReport(quarter)) ?? throw new FileNotFoundException($"{root.IngestReport(quarter)}: the report of the last ingest is missing.")) with { Skipped = true };
    }

    public async Task<StageOutcome> RunAsync(StageRun run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        var context = new IngestContext(run.Quarter, run.Root, catalog, options.Pseudonymizer!, options.Time, options.RowGroupSize)
        {
            MaxLineBytes = options.MaxLineBytes,
            MaxUnmatchedLines = options.MaxUnmatchedLines,
            Buckets = options.Buckets,
        };
        var (report, written) = await new IngestWork(context, options).RunAsync(run.Inputs, run.Previous, ct).ConfigureAwait(false);
        return new StageOutcome { Counts = IngestWork.Counts(report), Written = written, Detail = report };
    }
}
