using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Runs;
using BlindSpot.Core.Stages;
using BlindSpot.Ingestion.Deliveries;
using BlindSpot.Ingestion.Lake;
using BlindSpot.Ingestion.Feeds;
using BlindSpot.Ingestion.Reading;
using BlindSpot.Ingestion.Reporting;
using BlindSpot.Ingestion.Roster;

namespace BlindSpot.Ingestion;

/// <summary>
/// The work of one quarter's ingest: roster and 47 feeds from <c>raw/</c> to <c>roster/</c>, <c>lake/</c> and
/// <c>quarantine/</c>, with <c>ingest-report.json</c>. No bookkeeping: <see cref="IngestStage"/> runs it through the
/// checkpoint, which hands it the stage's last record so feeds whose delivery did not change are kept.
/// </summary>
internal sealed class IngestWork(IngestContext context, IngestOptions options)
{
    private readonly int parallelFeeds = options.MaxParallelFeeds;

    /// <summary>
    /// Ingests and writes the report; returns it with the SHA-256 of every roster and lake file, hashed as written or kept.
    /// Throws <see cref="IngestException"/> (after writing the report) naming every missing required feed, failed feed or
    /// reconciliation error.
    /// </summary>
    public async Task<(IngestReport Report, Dictionary<string, string> Written)> RunAsync(IReadOnlyDictionary<string, string> inputs, StageRecord? record, CancellationToken cancellationToken)
    {
        try
        {
            return await RunCheckedAsync(inputs, record, cancellationToken);
        }
        catch (Exception ex) when (DataRootCheck.AsStorageFault(ex, context.Root) is { } fault)
        {
            throw fault;
        }
    }

    private async Task<(IngestReport Report, Dictionary<string, string> Written)> RunCheckedAsync(IReadOnlyDictionary<string, string> inputs, StageRecord? record, CancellationToken cancellationToken)
    {
        DataRootCheck.RequireExisting(context.Root);
        var locator = new DeliveryLocator(context);
        new MissingDeliveries(context).ThrowIfAnyRequired(locator);
        var scan = await locator.ScanAsync(cancellationToken);

        var previous = IngestReport.Load(context.Root.IngestReport(context.Quarter));
        var reusable = ReusableOutputs.Find(context, record, previous, inputs, scan);
        var report = await IngestAllAsync(scan, reusable, cancellationToken);
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

        return (report, Outputs(report));
    }

    private async Task<IngestReport> IngestAllAsync(DeliveryScan scan, ReusableOutputs reusable, CancellationToken cancellationToken)
    {
        var catalog = context.Catalog;
        using var slots = new SemaphoreSlim(parallelFeeds);
        var rosterTask = reusable.TryGet(catalog.Roster.Code, out var keptRoster)
            ? KeptRosterAsync(keptRoster, cancellationToken)
            : RunRosterAsync(scan, slots, cancellationToken);
        var indexTask = IndexOf(rosterTask);
        var feedTasks = catalog.Feeds
            .Where(f => scan.Found.ContainsKey(f.Code))
            .OrderByDescending(f => scan.Found[f.Code].Length)
            .ToDictionary(
                f => f.Code,
                f => reusable.TryGet(f.Code, out var kept) ? Task.FromResult(kept) : RunFeedAsync(scan.Found[f.Code], indexTask, rosterTask, slots, cancellationToken),
                StringComparer.Ordinal);
        await Task.WhenAll(feedTasks.Values);
        var roster = (await rosterTask).Report;
        var feeds = new List<FeedReport>();
        foreach (var feed in catalog.Feeds)
        {
            feeds.Add(feedTasks.TryGetValue(feed.Code, out var task) ? await task : NotIngested(feed, scan));
        }

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

    private static async Task<RosterIndex> IndexOf(Task<(FeedReport Report, RosterIndex? Index)> roster) =>
        (await roster).Index ?? throw new IngestException("The roster was not ingested; no key can be checked against it.");

    private async Task<(FeedReport Report, RosterIndex? Index)> KeptRosterAsync(FeedReport kept, CancellationToken cancellationToken) =>
        (kept, await RosterIndexReader.ReadAsync(context.Root, context.Quarter, cancellationToken));

    private async Task<(FeedReport Report, RosterIndex? Index)> RunRosterAsync(DeliveryScan scan, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        var roster = context.Catalog.Roster;
        if (!scan.Found.TryGetValue(roster.Code, out var delivery))
        {
            return (NotIngested(roster, scan), null);
        }

        await slots.WaitAsync(cancellationToken);
        try
        {
            // Reading the roster is one long sequential job; run it off the caller's thread so feeds start beside it.
            return await Task.Run(() => new RosterIngester(context).IngestAsync(delivery, cancellationToken), cancellationToken);
        }
        catch (Exception ex) when (ex is FeedFailedException or DeliveryEncodingException or IngestException)
        {
            OutputFiles.DeleteTree(context.Root.RosterFolder(context.Quarter));
            return (new FeedReport { Feed = roster.Code, Source = roster.Source, Required = true, Status = FeedStatus.Failed, File = delivery.RelativePath, InputSha256 = delivery.Sha256, Error = ex.Message }, null);
        }
        finally
        {
            slots.Release();
        }
    }

    // A feed row goes to its household's bucket, which for a person takes the roster: feeds wait for it (and for the
    // number of buckets, which by default follows the roster's size) before taking a slot. The slot covers reading and
    // writing only.
    private async Task<FeedReport> RunFeedAsync(Delivery delivery, Task<RosterIndex> roster, Task<(FeedReport Report, RosterIndex? Index)> rosterRun, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        RosterIndex index;
        try
        {
            index = await roster;
        }
        catch (IngestException)
        {
            // The roster's own failure fails the stage and is reported there; without a roster no feed can be bucketed.
            OutputFiles.DeleteTree(context.Root.LakeFeedFolder(context.Quarter, delivery.Feed.Code));
            var failed = (await rosterRun).Report;
            return new FeedReport
            {
                Feed = delivery.Feed.Code, Source = delivery.Feed.Source, Required = delivery.Feed.Required, Status = FeedStatus.NotRead, File = delivery.RelativePath,
                InputSha256 = delivery.Sha256, Error = $"{delivery.RelativePath}: not ingested, because the roster failed ({failed.File ?? failed.Feed}); its rows cannot be put in buckets without it.",
            };
        }

        await slots.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(() => new FeedIngester(context).IngestAsync(delivery, index, cancellationToken), cancellationToken);
        }
        finally
        {
            slots.Release();
        }
    }

    private FeedReport NotIngested(FeedDefinition feed, DeliveryScan scan)
    {
        OutputFiles.DeleteTree(context.Root.LakeFeedFolder(context.Quarter, feed.Code));
        if (scan.Unusable.TryGetValue(feed.Code, out var problem))
        {
            return new FeedReport { Feed = feed.Code, Source = feed.Source, Required = feed.Required, Status = FeedStatus.Failed, Error = problem };
        }

        return new MissingDeliveries(context).NotFound(feed);
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
