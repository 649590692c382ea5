using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Runs;
using BlindSpot.Core.Stages;
using BlindSpot.Ingestion.Deliveries;
using BlindSpot.Ingestion.Lake;
using BlindSpot.Ingestion.Parts;
using BlindSpot.Ingestion.Reporting;
using BlindSpot.Ingestion.Roster;

namespace BlindSpot.Ingestion;

/// <summary>
/// The work of one quarter's ingest: roster and 47 feeds from <c>raw/</c> to <c>roster/</c>, <c>lake/</c> and
/// <c>quarantine/</c>, with <c>ingest-report.json</c>, as parts (<see cref="IngestPartWork"/>: the roster, then one per
/// delivered feed, each with its own checkpoint, so feeds whose delivery did not change are kept) and a reduce that
/// assembles and checks the report. <see cref="IngestStage"/> runs it through the stage's checkpoint: every part in this
/// process, or only the reduce of parts the pipeline ran as jobs.
/// </summary>
internal sealed class IngestWork(IngestContext context, IngestOptions options)
{
    private readonly int parallelFeeds = options.MaxParallelFeeds;
    private readonly IReadOnlyDictionary<string, string> shared = IngestStage.SharedValues(options, context.Catalog);

    /// <summary>
    /// Ingests every part in this process (the roster, then the feeds <see cref="IngestOptions.MaxParallelFeeds"/> at a
    /// time), skipping parts whose checkpoint is current, and writes the report; returns it with the SHA-256 of every
    /// roster and lake file, hashed as written or kept. Throws <see cref="IngestException"/> (after writing the report)
    /// naming every missing required feed, failed feed or reconciliation error.
    /// </summary>
    public Task<(IngestReport Report, Dictionary<string, string> Written)> RunAsync(StageRecord? previous, CancellationToken cancellationToken) =>
        GuardedAsync(async () =>
        {
            var scan = await ScanAsync(previous, cancellationToken);
            return await FinishAsync(await IngestAllAsync(scan, cancellationToken));
        });

    /// <summary>
    /// The reduce of the parts the pipeline ran as jobs (<see cref="IngestParts"/>): the same report, checks and outputs
    /// as <see cref="RunAsync"/>, from the parts' records, reading no data file. The deliveries must still be the ones the
    /// parts read (<paramref name="inputs"/>: the checkpoint's hashes) and every part done for them, else it throws
    /// saying which part to run again.
    /// </summary>
    public Task<(IngestReport Report, Dictionary<string, string> Written)> ReduceAsync(IReadOnlyDictionary<string, string> inputs, CancellationToken cancellationToken) =>
        GuardedAsync(async () =>
        {
            DataRootCheck.RequireExisting(context.Root);
            new MissingDeliveries(context).ThrowIfAnyRequired(new DeliveryLocator(context));
            var scan = (DeliveryScanRecord.Load(IngestPartFiles.Scan(context.Root, context.Quarter))
                ?? throw new InvalidOperationException($"ingest {context.Quarter}: the roster part has not run (no {context.Relative(IngestPartFiles.Scan(context.Root, context.Quarter))}); run the ingest parts before their reduce.")).ToScan(context);
            CheckScanCurrent(scan, inputs);
            cancellationToken.ThrowIfCancellationRequested();
            return await FinishAsync(Reduced(scan));
        });

    /// <summary>
    /// Checks the required deliveries, scans and hashes every delivery, keeps the scan for the feed parts, and adopts as
    /// part records what the last completed ingest (<paramref name="previous"/>) wrote as a whole (<see cref="StageAdoption"/>).
    /// </summary>
    public async Task<DeliveryScan> ScanAsync(StageRecord? previous, CancellationToken cancellationToken)
    {
        DataRootCheck.RequireExisting(context.Root);
        var locator = new DeliveryLocator(context);
        new MissingDeliveries(context).ThrowIfAnyRequired(locator);
        var scan = await locator.ScanAsync(cancellationToken);
        DeliveryScanRecord.Of(scan).Save(IngestPartFiles.Scan(context.Root, context.Quarter));
        StageAdoption.Adopt(context, previous, IngestStage.StageValues(options, context.Catalog), shared, scan);
        return scan;
    }

    private async Task<(IngestReport Report, Dictionary<string, string> Written)> GuardedAsync(Func<Task<(IngestReport, Dictionary<string, string>)>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception ex) when (DataRootCheck.AsStorageFault(ex, context.Root) is { } fault)
        {
            throw fault;
        }
    }

    private Task<(IngestReport Report, Dictionary<string, string> Written)> FinishAsync(IngestReport report)
    {
        report = WithVolumeChanges(report);
        report.Save(context.Root.IngestReport(context.Quarter));
        IngestMetrics.Record(report);
        var errors = Errors(report);
        if (errors.Count > 0)
        {
            throw new IngestException(
                $"ingest {context.Quarter} failed ({errors.Count} problem(s); details in {context.Relative(context.Root.IngestReport(context.Quarter))}): {string.Join(" | ", errors)}",
                report,
                new StageOutcome { Counts = Counts(report), Written = Outputs(report), Detail = report });
        }

        return Task.FromResult((report, Outputs(report)));
    }

    // The parts in this process: the roster first (every feed row's bucket is its household's, which for a person takes
    // the roster, and the number of buckets by default follows its size), then the feeds, largest first.
    private async Task<IngestReport> IngestAllAsync(DeliveryScan scan, CancellationToken cancellationToken)
    {
        var parts = new IngestPartWork(context, shared);
        var (roster, built) = await parts.RosterAsync(scan, cancellationToken);
        var index = new Lazy<Task<RosterIndex>>(() => built is not null ? Task.FromResult(built) : RosterIndexReader.ReadAsync(context.Root, context.Quarter, cancellationToken));
        var delivered = context.Catalog.Feeds.Where(f => scan.Found.ContainsKey(f.Code)).OrderByDescending(f => scan.Found[f.Code].Length).ToList();
        var reports = new FeedReport[delivered.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelFeeds, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, delivered.Count), parallel, async (i, ct) =>
        {
            var delivery = scan.Found[delivered[i].Code];
            reports[i] = roster.Status is FeedStatus.Ingested or FeedStatus.Skipped
                ? await parts.FeedAsync(delivery, roster, _ => index.Value, ct)
                : NotRead(delivery, roster);
        });
        var done = delivered.Select((f, i) => (f.Code, Report: reports[i])).ToDictionary(p => p.Code, p => p.Report, StringComparer.Ordinal);
        return Assemble(scan, roster, done, parts);
    }

    // The parts' records, as the jobs left them: every delivered part must be done for the current deliveries.
    private IngestReport Reduced(DeliveryScan scan)
    {
        var parts = new IngestPartWork(context, shared);
        var rosterCode = context.Catalog.Roster.Code;
        var roster = scan.Found.TryGetValue(rosterCode, out var rosterDelivery)
            ? Done(parts, rosterDelivery, null)
            : parts.NotIngested(context.Catalog.Roster, scan);
        var usable = roster.Status is FeedStatus.Ingested or FeedStatus.Skipped;
        var done = context.Catalog.Feeds.Where(f => scan.Found.ContainsKey(f.Code))
            .ToDictionary(f => f.Code, f => usable ? Done(parts, scan.Found[f.Code], roster) : NotRead(scan.Found[f.Code], roster), StringComparer.Ordinal);
        return Assemble(scan, roster, done, parts);
    }

    private FeedReport Done(IngestPartWork parts, Delivery delivery, FeedReport? roster) =>
        parts.Done(delivery, roster)?.Report
        ?? throw new InvalidOperationException($"ingest {context.Quarter}: the part of {delivery.Feed.Code} ({delivery.RelativePath}) is not done for the current delivery; run its job (or the quarter) again.");

    // Every delivery the checkpoint hashed must be the one the roster part scanned, which the parts read.
    private void CheckScanCurrent(DeliveryScan scan, IReadOnlyDictionary<string, string> inputs)
    {
        var raw = context.Relative(context.Root.RawFolder(context.Quarter)) + "/";
        var scanned = scan.Found.Values.ToDictionary(d => d.RelativePath, d => d.Sha256, StringComparer.Ordinal);
        var changed = inputs.Where(i => i.Key.StartsWith(raw, StringComparison.Ordinal) && scanned.TryGetValue(i.Key, out var hash) && hash != i.Value)
            .Select(i => i.Key)
            .Concat(scanned.Keys.Where(k => !inputs.ContainsKey(k)))
            .Concat(inputs.Keys.Where(k => k.StartsWith(raw, StringComparison.Ordinal) && !scanned.ContainsKey(k) && !scan.Unusable.ContainsKey(CodeOf(k))))
            .ToList();
        if (changed.Count > 0)
        {
            throw new InvalidOperationException($"ingest {context.Quarter}: {string.Join(", ", changed)} changed after the ingest parts read the deliveries; run the quarter again.");
        }
    }

    private static string CodeOf(string relative)
    {
        var name = relative[(relative.LastIndexOf('/') + 1)..];
        return name.EndsWith(".csv.gz", StringComparison.Ordinal) ? name[..^".csv.gz".Length] : name[..^".csv".Length];
    }

    private IngestReport Assemble(DeliveryScan scan, FeedReport roster, Dictionary<string, FeedReport> done, IngestPartWork parts)
    {
        var catalog = context.Catalog;
        var feeds = catalog.Feeds.Select(f => done.TryGetValue(f.Code, out var report) ? report : parts.NotIngested(f, scan)).ToList();
        var all = feeds.Prepend(roster).ToList();
        return new IngestReport
        {
            Quarter = context.Quarter.ToString(),
            CatalogVersion = catalog.Version,
            SampleKey = context.Pseudonymizer.IsSampleKey,
            Roster = roster,
            Feeds = feeds,
            Warnings = [.. scan.Warnings, .. all.SelectMany(f => f.Warnings), .. all.Where(f => f.Status == FeedStatus.Missing && !f.Required).Select(f => f.Error!)],
            Totals = IngestTotals.Of(all),
        };
    }

    // The roster's own failure fails the stage and is reported there; without a roster no feed can be bucketed.
    private FeedReport NotRead(Delivery delivery, FeedReport roster)
    {
        OutputFiles.DeleteTree(context.Root.LakeFeedFolder(context.Quarter, delivery.Feed.Code));
        return new FeedReport
        {
            Feed = delivery.Feed.Code, Source = delivery.Feed.Source, Required = delivery.Feed.Required, Status = FeedStatus.NotRead, File = delivery.RelativePath,
            InputSha256 = delivery.Sha256, Error = $"{delivery.RelativePath}: not ingested, because the roster failed ({roster.File ?? roster.Feed}); its rows cannot be put in buckets without it.",
        };
    }

    private IngestReport WithVolumeChanges(IngestReport report)
    {
        var changes = VolumeCheck.Compare(report, IngestReport.Load(context.Root.IngestReport(context.Quarter.Previous)), options.MaxRosterChange, options.MaxFeedChange, options.AcceptVolumeChange);
        if (changes.Count == 0)
        {
            return report;
        }

        var accepted = changes.Where(c => c.Accepted).Select(c => $"{VolumeCheck.Describe(c)}: accepted by the operator (--accept-volume-change).");
        return report with { VolumeChanges = changes, Warnings = [.. report.Warnings, .. accepted] };
    }

    private List<string> Errors(IngestReport report)
    {
        var errors = report.All.Where(f => f.Status == FeedStatus.Failed || (f.Status == FeedStatus.Missing && f.Required)).Select(f => f.Error!).ToList();
        errors.AddRange(report.All.Where(f => !f.Reconciled).Select(f => $"{f.Feed}: read {f.RowsRead} ≠ accepted + rejected + duplicates"));
        errors.AddRange(report.VolumeChanges.Where(c => !c.Accepted).Select(c =>
            $"{VolumeCheck.Describe(c)}; a damaged or partial delivery? If the change is real, accept it with 'blindspot ingest {context.Quarter} --accept-volume-change' and run again."));
        return errors;
    }

    /// <summary>Absolute path → SHA-256 of every roster and lake bucket file, as hashed while written (or kept).</summary>
    private Dictionary<string, string> Outputs(IngestReport report)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var feed in report.All.Where(f => f.OutputSha256 is not null))
        {
            foreach (var bucket in feed.Buckets)
            {
                outputs[OutputPath(context, feed.Feed, bucket.Bucket)] = bucket.Sha256;
            }
        }

        return outputs;
    }

    /// <summary>The file of <paramref name="bucket"/> of the roster (by its code) or of a feed.</summary>
    public static string OutputPath(IngestContext context, string feed, int bucket) =>
        feed == context.Catalog.Roster.Code ? context.Root.RosterBucket(context.Quarter, bucket) : context.Root.LakeBucket(context.Quarter, feed, bucket);

    /// <summary>The stage's counts; the run report's stage table shows them, so an accepted volume change is visible there too.</summary>
    public static SortedDictionary<string, long> Counts(IngestReport report)
    {
        var totals = report.Totals;
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal)
        {
            ["rowsRead"] = totals.RowsRead,
            ["rowsAccepted"] = totals.Accepted,
            ["rowsQuarantined"] = totals.Rejected,
            ["duplicates"] = totals.Duplicates,
            ["unknownKeys"] = totals.UnknownKeys,
        };
        if (report.VolumeChanges.Any(c => c.Accepted))
        {
            counts["volumeChangesAccepted"] = report.VolumeChanges.Count(c => c.Accepted);
        }

        return counts;
    }
}
