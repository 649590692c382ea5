using BlindSpot.Core.Catalog;
using BlindSpot.Core.Hashing;
using BlindSpot.Ingestion.Deliveries;
using BlindSpot.Ingestion.Feeds;
using BlindSpot.Ingestion.Lake;
using BlindSpot.Ingestion.Reading;
using BlindSpot.Ingestion.Reporting;
using BlindSpot.Ingestion.Roster;

namespace BlindSpot.Ingestion.Parts;

/// <summary>
/// One ingest part, checkpointed on its own: the roster (its split pass, then its buckets written on every core) or one
/// feed (its delivery read once, each row routed to its household's bucket). A part whose record holds the current key
/// (<see cref="IngestPartKey"/>) and whose bucket files still have their recorded hashes is not done again and reports
/// <see cref="FeedStatus.Skipped"/>; otherwise its record is removed, it runs, and a new record is written once its files
/// are in place. Safe to run beside other parts (each writes only its own folders) and to rerun after a crash.
/// </summary>
internal sealed class IngestPartWork(IngestContext context, IReadOnlyDictionary<string, string> shared)
{
    private FeedDefinition Roster => context.Catalog.Roster;

    /// <summary>Does the roster part unless current; a rejected delivery gives a failed report (roster folder removed), not an exception.</summary>
    public async Task<(FeedReport Report, RosterIndex? Index)> RosterAsync(DeliveryScan scan, CancellationToken cancellationToken)
    {
        if (!scan.Found.TryGetValue(Roster.Code, out var delivery))
        {
            return (NotIngested(Roster, scan), null);
        }

        var key = IngestPartKey.Roster(shared, delivery);
        var path = IngestPartFiles.Record(context.Root, context.Quarter, Roster.Code);
        if (await CurrentAsync(path, key, cancellationToken) is { } kept)
        {
            return (Kept(kept), null);
        }

        OutputFiles.Delete(path);
        try
        {
            // Reading the roster is one long sequential job; run it off the caller's thread.
            var (report, index) = await Task.Run(() => new RosterIngester(context).IngestAsync(delivery, cancellationToken), cancellationToken);
            new IngestPartRecord(key, report).Save(path);
            return (report, index);
        }
        catch (Exception ex) when (ex is FeedFailedException or DeliveryEncodingException or IngestException)
        {
            OutputFiles.DeleteTree(context.Root.RosterFolder(context.Quarter));
            return (new FeedReport { Feed = Roster.Code, Source = Roster.Source, Required = true, Status = FeedStatus.Failed, File = delivery.RelativePath, InputSha256 = delivery.Sha256, Error = ex.Message }, null);
        }
    }

    /// <summary>
    /// Does the part of <paramref name="delivery"/>'s feed unless current, bucketed by the roster of
    /// <paramref name="roster"/> (its index asked of <paramref name="index"/> only when the part runs). A rejected delivery
    /// gives a failed report (the feed's lake folder removed), not an exception.
    /// </summary>
    public async Task<FeedReport> FeedAsync(Delivery delivery, FeedReport roster, Func<CancellationToken, Task<RosterIndex>> index, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(index);
        var key = IngestPartKey.Feed(shared, delivery, roster.OutputSha256 ?? throw new InvalidOperationException("The roster part wrote no files; no feed can be bucketed."));
        var path = IngestPartFiles.Record(context.Root, context.Quarter, delivery.Feed.Code);
        if (await CurrentAsync(path, key, cancellationToken) is { } kept)
        {
            return Kept(kept);
        }

        OutputFiles.Delete(path);
        var rosterIndex = await index(cancellationToken);
        var report = await Task.Run(() => new FeedIngester(context).IngestAsync(delivery, rosterIndex, cancellationToken), cancellationToken);
        if (report.Status == FeedStatus.Ingested)
        {
            new IngestPartRecord(key, report).Save(path);
        }

        return report;
    }

    /// <summary>
    /// The record of the part of <paramref name="delivery"/>'s feed (the roster's when <paramref name="roster"/> is null)
    /// when it was done for the current key and its files are there; null otherwise. Reads no data file.
    /// </summary>
    public IngestPartRecord? Done(Delivery delivery, FeedReport? roster)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var key = roster is null ? IngestPartKey.Roster(shared, delivery) : IngestPartKey.Feed(shared, delivery, roster.OutputSha256 ?? "");
        var record = IngestPartRecord.TryLoad(IngestPartFiles.Record(context.Root, context.Quarter, delivery.Feed.Code));
        return record is not null && record.Key == key && Usable(record.Report) && record.Report.Buckets.All(b => File.Exists(OutputPath(record.Report.Feed, b.Bucket)))
            ? record
            : null;
    }

    /// <summary>The report line of a feed with no usable delivery (its lake folder removed): unusable, or missing.</summary>
    public FeedReport NotIngested(FeedDefinition feed, DeliveryScan scan)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(scan);
        OutputFiles.DeleteTree(context.Root.LakeFeedFolder(context.Quarter, feed.Code));
        if (scan.Unusable.TryGetValue(feed.Code, out var problem))
        {
            return new FeedReport { Feed = feed.Code, Source = feed.Source, Required = feed.Required, Status = FeedStatus.Failed, Error = problem };
        }

        return new MissingDeliveries(context).NotFound(feed);
    }

    /// <summary>The file of <paramref name="bucket"/> of the roster (by its code) or of a feed.</summary>
    public string OutputPath(string feed, int bucket) =>
        feed == Roster.Code ? context.Root.RosterBucket(context.Quarter, bucket) : context.Root.LakeBucket(context.Quarter, feed, bucket);

    private static FeedReport Kept(IngestPartRecord record) => record.Report with { Status = FeedStatus.Skipped, DurationMs = 0 };

    private static bool Usable(FeedReport report) => report.Status is FeedStatus.Ingested or FeedStatus.Skipped && report.Buckets.Count > 0;

    // Current: the same key, and every bucket file recorded for it still there with its recorded hash (the roster's
    // partitioning record too, which its buckets need).
    private async Task<IngestPartRecord?> CurrentAsync(string path, string key, CancellationToken cancellationToken)
    {
        var record = IngestPartRecord.TryLoad(path);
        if (record is null || record.Key != key || !Usable(record.Report)
            || (record.Report.Feed == Roster.Code && !File.Exists(context.Root.Partitioning(context.Quarter))))
        {
            return null;
        }

        foreach (var bucket in record.Report.Buckets)
        {
            var file = OutputPath(record.Report.Feed, bucket.Bucket);
            if (!File.Exists(file) || await FileHash.Sha256Async(file, cancellationToken) != bucket.Sha256)
            {
                return null;
            }
        }

        return record;
    }
}
