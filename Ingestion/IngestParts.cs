using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Runs;
using BlindSpot.Core.Stages;
using BlindSpot.Ingestion.Parts;
using BlindSpot.Ingestion.Reporting;

namespace BlindSpot.Ingestion;

/// <summary>
/// The ingest stage split into parts, for the pipeline's jobs on several workers: first the roster part (it scans and
/// hashes the deliveries, checks the required ones, splits the roster by household range and writes its buckets on every
/// core), then one part per delivered feed (its delivery is one stream read once; each row goes to its household's
/// bucket), which may run anywhere at once; then <see cref="IngestStage.FromParts"/> as the reduce. Each part keeps its
/// own checkpoint under <c>runs/&lt;Q&gt;/ingest-parts/</c>: one done for the current delivery, roster and settings, with
/// its files intact, is not done again. The single-process stage (<see cref="IngestStage"/>) runs the same parts.
/// </summary>
public sealed class IngestParts
{
    private readonly IngestOptions options;
    private readonly FeedCatalog catalog;

    public IngestParts(IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ValidateSettings();
        this.options = options;
        catalog = options.Catalog ?? FeedCatalog.LoadDefault();
    }

    /// <summary>The roster part's name (the roster's code): it must succeed before any feed part runs.</summary>
    public string RosterPart => catalog.Roster.Code;

    /// <summary>The feed parts of <paramref name="quarter"/>: the code of every catalog feed with a delivery file, in catalog order. Reads only folder listings.</summary>
    public IReadOnlyList<string> FeedParts(DataRoot root, Quarter quarter)
    {
        ArgumentNullException.ThrowIfNull(root);
        var raw = root.RawFolder(quarter);
        return [.. catalog.Feeds.Where(f => File.Exists(Path.Combine(raw, f.Source, f.Code + ".csv")) || File.Exists(Path.Combine(raw, f.Source, f.Code + ".csv.gz"))).Select(f => f.Code)];
    }

    /// <summary>
    /// Does <paramref name="part"/> (<see cref="RosterPart"/> or a feed's code) unless its checkpoint is current; returns
    /// false when it was. A rejected delivery throws <see cref="IngestException"/> (a data error, naming file, line and
    /// field); a feed part whose roster part has not succeeded for the current deliveries throws
    /// <see cref="InvalidOperationException"/>. A feed without a usable delivery is left to the reduce, which reports it.
    /// </summary>
    public async Task<bool> RunPartAsync(DataRoot root, Quarter quarter, string part, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentException.ThrowIfNullOrWhiteSpace(part);
        var context = IngestStage.Context(options, catalog, root, quarter);
        var work = new IngestPartWork(context, IngestStage.SharedValues(options, catalog));
        var report = part == RosterPart
            ? await RosterAsync(context, work, cancellationToken).ConfigureAwait(false)
            : await FeedAsync(context, work, part, cancellationToken).ConfigureAwait(false);
        if (report?.Status is FeedStatus.Failed)
        {
            throw new IngestException($"ingest {quarter}, part {part}: {report.Error}");
        }

        return report?.Status is FeedStatus.Ingested;
    }

    private async Task<FeedReport> RosterAsync(IngestContext context, IngestPartWork work, CancellationToken cancellationToken)
    {
        // Outside the stage's checkpoint, the manifest holds the stage's last record as it ended.
        var previous = RunManifest.Load(context.Root, context.Quarter).Find(StageNames.Ingest);
        var scan = await new IngestWork(context, options).ScanAsync(previous, cancellationToken).ConfigureAwait(false);
        var (report, index) = await work.RosterAsync(scan, cancellationToken).ConfigureAwait(false);
        if (index is not null && report.OutputSha256 is { } output)
        {
            RosterIndexCache.Put(context.Root, context.Quarter, output, index);
        }

        return report;
    }

    private async Task<FeedReport?> FeedAsync(IngestContext context, IngestPartWork work, string code, CancellationToken cancellationToken)
    {
        if (!catalog.TryGetFeed(code, out _))
        {
            throw new ArgumentException($"'{code}' is neither the roster ({RosterPart}) nor a feed of catalog {catalog.Version}.", nameof(code));
        }

        var (root, quarter) = (context.Root, context.Quarter);
        var scan = (DeliveryScanRecord.Load(IngestPartFiles.Scan(root, quarter))
            ?? throw new InvalidOperationException($"ingest {quarter}: the roster part has not run (no {context.Relative(IngestPartFiles.Scan(root, quarter))}); its feeds wait for it.")).ToScan(context);
        if (!scan.Found.TryGetValue(code, out var delivery))
        {
            return null;
        }

        var roster = scan.Found.TryGetValue(RosterPart, out var rosterDelivery) ? work.Done(rosterDelivery, null) : null;
        if (roster?.Report.OutputSha256 is not { } rosterOutput)
        {
            throw new InvalidOperationException($"ingest {quarter}: the roster part has not succeeded for the current roster delivery; {code} cannot be put in buckets without it.");
        }

        return await work.FeedAsync(delivery, roster.Report, ct => RosterIndexCache.GetAsync(root, quarter, rosterOutput, ct), cancellationToken).ConfigureAwait(false);
    }
}
