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
/// <c>ingest-report.json</c>, as parts (the roster, then one per delivered feed, each checkpointed on its own under
/// <c>runs/&lt;Q&gt;/ingest-parts/</c>) and a reduce; in this process, or (<see cref="FromParts"/>) only the reduce of
/// parts the pipeline ran as jobs. <see cref="IngestOptions.Quarter"/> and <see cref="IngestOptions.DataRoot"/> are not used:
/// the checkpoint says which. <see cref="StageOutcome.Detail"/> is the <see cref="Reporting.IngestReport"/>.
/// </summary>
public sealed class IngestStage : IQuarterStage
{
    private static readonly string[] Extensions = [".csv", ".csv.gz"];

    private readonly IngestOptions options;
    private readonly FeedCatalog catalog;
    private readonly bool fromParts;

    /// <summary>Ingests every part in this process (the roster, then the feeds), skipping parts whose checkpoint is current.</summary>
    public IngestStage(IngestOptions options)
        : this(options, fromParts: false)
    {
    }

    private IngestStage(IngestOptions options, bool fromParts)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ValidateSettings();
        this.options = options;
        this.fromParts = fromParts;
        catalog = options.Catalog ?? FeedCatalog.LoadDefault();
    }

    /// <summary>
    /// The reduce of the parts the pipeline ran as jobs (<see cref="IngestParts"/>): same name, key and outputs as the
    /// stage that ingests in this process, so a quarter ingested one way is skipped by the other; reads the parts'
    /// records, not the deliveries, and fails naming any part not done for the current deliveries.
    /// </summary>
    public static IngestStage FromParts(IngestOptions options) => new(options, fromParts: true);

    public string Name => StageNames.Ingest;

    public StageDeclaration Declare(DataRoot root, Quarter quarter)
    {
        ArgumentNullException.ThrowIfNull(root);
        var raw = root.RawFolder(quarter);
        var declaration = StageDeclaration.Empty
            .Reads(catalog.Feeds.Prepend(catalog.Roster).SelectMany(f => Extensions.Select(e => Path.Combine(raw, f.Source, f.Code + e))))
            .Reads(root.IngestReport(quarter.Previous))
            .WritesTree(root.RosterFolder(quarter), BucketLayout.PartPattern)
            .Writes(root.Partitioning(quarter))
            .WritesTree(root.LakeFolder(quarter), BucketLayout.PartPattern)
            .WritesAll(root.QuarantineFolder(quarter), "*.rejects.csv")
            .Writes(root.IngestReport(quarter));
        foreach (var (name, value) in StageValues(options, catalog))
        {
            declaration = declaration.DependsOn(name, value);
        }

        return declaration;
    }

    /// <summary>
    /// The values beside the deliveries that change a part's files, in every part's key (<see cref="Parts.IngestPartKey"/>):
    /// catalog version, pseudonym key fingerprint, buckets and the reading options. Not the volume-check limits nor
    /// <c>--accept-volume-change</c>, which only the reduce applies: accepting a change reruns no part.
    /// </summary>
    internal static SortedDictionary<string, string> SharedValues(IngestOptions options, FeedCatalog catalog) => new(StringComparer.Ordinal)
    {
        ["catalog"] = catalog.Version,
        ["pseudonym-key"] = options.Pseudonymizer!.Household("#key-fingerprint").ToString(),
        ["reading"] = string.Create(CultureInfo.InvariantCulture, $"rowGroup={options.RowGroupSize} maxLine={options.MaxLineBytes} unmatched={options.MaxUnmatchedLines}"),
        ["buckets"] = BucketsValue(options),
    };

    /// <summary>The stage's non-file inputs (its key's <c>#</c> values): catalog, pseudonym key fingerprint, options, buckets.</summary>
    internal static SortedDictionary<string, string> StageValues(IngestOptions options, FeedCatalog catalog) => new(StringComparer.Ordinal)
    {
        ["catalog"] = catalog.Version,
        ["pseudonym-key"] = options.Pseudonymizer!.Household("#key-fingerprint").ToString(),
        ["options"] = string.Create(CultureInfo.InvariantCulture,
            $"rowGroup={options.RowGroupSize} maxLine={options.MaxLineBytes} unmatched={options.MaxUnmatchedLines} roster±{options.MaxRosterChange} feeds±{options.MaxFeedChange} accept={options.AcceptVolumeChange}"),
        ["buckets"] = BucketsValue(options),
    };

    private static string BucketsValue(IngestOptions options) => options.Buckets is { } buckets ? buckets.ToString(CultureInfo.InvariantCulture) : "default";

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
        var context = Context(options, catalog, run.Root, run.Quarter);
        var work = new IngestWork(context, options);
        var (report, written) = fromParts
            ? await work.ReduceAsync(run.Inputs, ct).ConfigureAwait(false)
            : await work.RunAsync(run.Previous, ct).ConfigureAwait(false);
        return new StageOutcome { Counts = IngestWork.Counts(report), Written = written, Detail = report };
    }

    /// <summary>What every part of <paramref name="quarter"/>'s ingest shares.</summary>
    internal static IngestContext Context(IngestOptions options, FeedCatalog catalog, DataRoot root, Quarter quarter) =>
        new(quarter, root, catalog, options.Pseudonymizer!, options.Time, options.RowGroupSize)
        {
            MaxLineBytes = options.MaxLineBytes,
            MaxUnmatchedLines = options.MaxUnmatchedLines,
            Buckets = options.Buckets,
        };
}
