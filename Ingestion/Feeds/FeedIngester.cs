using System.Globalization;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Contracts;
using BlindSpot.Core.Hashing;
using BlindSpot.Ingestion.Deliveries;
using BlindSpot.Ingestion.Lake;
using BlindSpot.Ingestion.Reading;
using BlindSpot.Ingestion.Reporting;
using BlindSpot.Ingestion.Roster;
using BlindSpot.Ingestion.Validation;
using Parquet;

namespace BlindSpot.Ingestion.Feeds;

/// <summary>
/// Ingests one feed's delivery: validates every record, pseudonymises the key, streams accepted rows into
/// its buckets (<c>lake/&lt;Q&gt;/&lt;feed&gt;/bucket=NNN/part-0.parquet</c>, each row to its household's bucket) one batch at a time and rejected ones into quarantine, and reconciles
/// the counts. A whole-file problem fails the feed (its lake file removed) without stopping the other feeds.
/// </summary>
internal sealed class FeedIngester(IngestContext context)
{
    /// <summary>
    /// Reads, validates and writes the feed, counting the accepted keys the roster does not know as each row is put in
    /// its bucket.
    /// </summary>
    public async Task<FeedReport> IngestAsync(Delivery delivery, RosterIndex roster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(roster);
        var started = context.Time.GetTimestamp();
        var feed = delivery.Feed;
        var lakeFolder = context.Root.LakeFeedFolder(context.Quarter, feed.Code);
        // The buckets are written beside the feed's folder and swapped in whole, so no bucket of an earlier run survives.
        var temporary = lakeFolder + ".tmp";
        var report = new FeedReport { Feed = feed.Code, Source = feed.Source, Required = feed.Required, File = delivery.RelativePath, InputSha256 = delivery.Sha256 };
        FeedRun? run = null;
        try
        {
            OutputFiles.DeleteTree(temporary);
            run = await WriteLakeAsync(delivery, roster, temporary, cancellationToken);
            Check(delivery, run);
            OutputFiles.DeleteTree(lakeFolder);
            Directory.Move(temporary, lakeFolder);
            var buckets = await BucketsAsync(feed.Code, run.Written, cancellationToken);
            var ingested = WithCounts(report, run) with
            {
                Status = FeedStatus.Ingested,
                UnknownKeys = run.UnknownKeys,
                OutputSha256 = BucketReport.Combined(buckets),
                Buckets = buckets,
                DurationMs = (long)context.Time.GetElapsedTime(started).TotalMilliseconds,
            };
            return ingested;
        }
        catch (Exception ex) when (ex is FeedFailedException or DeliveryEncodingException)
        {
            // Counts stay in the report when the file was read, so the analyst sees what the failure is about;
            // the status says nothing of it was published.
            OutputFiles.DeleteTree(temporary);
            OutputFiles.DeleteTree(lakeFolder);
            var failed = (run is null ? report : WithCounts(report, run)) with
            {
                Status = FeedStatus.Failed,
                Error = ex.Message,
                DurationMs = (long)context.Time.GetElapsedTime(started).TotalMilliseconds,
            };
            return failed;
        }
    }

    private static FeedReport WithCounts(FeedReport report, FeedRun run) => report with
    {
        Encoding = run.Encoding,
        Lines = run.Counts.Lines,
        RowsRead = run.Counts.Read,
        Accepted = run.Counts.Accepted,
        Rejected = run.Counts.Rejected,
        Duplicates = run.Counts.Duplicates,
        Warnings = run.Warnings,
    };

    private async Task<FeedRun> WriteLakeAsync(Delivery delivery, RosterIndex roster, string temporary, CancellationToken cancellationToken)
    {
        var feed = delivery.Feed;
        var format = context.Catalog.DeliveryOf(feed);
        using var reader = DeliveryReader.Open(delivery, format, feed.Source, context.MaxLineBytes);
        using var rejects = new RejectWriter(context.Root.Rejects(context.Quarter, feed.Code));
        var batch = new LakeBatch(feed, format, context.Quarter);
        var validator = new RecordValidator(reader, batch, new KeyParser(feed.KeyColumn, context.Pseudonymizer), rejects, feed.KeyColumn.Name, delivery.EstimatedRows, context.MaxLineBytes);
        var written = new long[roster.Buckets.Count];
        long unknown = 0;
        await using (var writers = new BucketWriters(batch.Schema, b => Path.Combine(temporary, BucketLayout.BucketFolderName(b), BucketLayout.PartFileName)))
        {
            int BucketOf(long key)
            {
                var (bucket, known) = roster.Find(feed.Unit, key);
                unknown += known ? 0 : 1;
                return bucket;
            }

            Func<long, int> bucketOf = BucketOf;
            while (validator.ReadBatch(context.RowGroupSize))
            {
                cancellationToken.ThrowIfCancellationRequested();
                await batch.FlushAsync(writers.OpenAsync, bucketOf, written, always: false, cancellationToken);
            }

            if (batch.Count > 0 || validator.Counts.Accepted == 0)
            {
                await batch.FlushAsync(writers.OpenAsync, bucketOf, written, always: true, cancellationToken);
            }
        }

        validator.Counts.CheckReconciled(delivery.RelativePath);
        CheckBuckets(delivery, validator.Counts, written);
        validator.Lines.CheckEveryLineRead(delivery.RelativePath, feed.Source, context.MaxUnmatchedLines);
        var warnings = new List<string>(reader.Warnings);
        warnings.AddRange(validator.Warnings(delivery.RelativePath, feed.Source));
        if (StaleWarning(delivery, batch, validator.Counts) is { } stale)
        {
            warnings.Add(stale);
        }

        return new FeedRun(validator.Counts, unknown, reader.EncodingRead, warnings, batch, written);
    }

    // Summed over the buckets, the rows written are the accepted rows: nothing routed twice or lost between buckets.
    private static void CheckBuckets(Delivery delivery, RecordCounts counts, long[] written)
    {
        if (written.Sum() != counts.Accepted)
        {
            throw new IngestException($"{delivery.RelativePath}: {written.Sum()} rows were written to the buckets but {counts.Accepted} were accepted; the lake of this feed is not published.");
        }
    }

    private async Task<IReadOnlyList<BucketReport>> BucketsAsync(string feedCode, long[] written, CancellationToken cancellationToken)
    {
        var buckets = Enumerable.Range(0, written.Length).Where(b => written[b] > 0 || (b == 0 && written.Sum() == 0)).ToList();
        var paths = buckets.Select(b => context.Root.LakeBucket(context.Quarter, feedCode, b)).ToList();
        var hashes = await FileHash.Sha256AllAsync(paths, cancellationToken);
        return [.. buckets.Select((b, i) => new BucketReport { Bucket = b, Accepted = written[b], Sha256 = hashes[i] })];
    }

    private void Check(Delivery delivery, FeedRun run)
    {
        CheckOtherQuarter(delivery, run.Batch, run.Counts);
        CheckRejectRate(delivery, run.Counts);
    }

    private static void CheckRejectRate(Delivery delivery, RecordCounts counts)
    {
        var valid = counts.Read - counts.Duplicates;
        if (valid == 0 || (double)counts.Rejected / valid <= delivery.Feed.MaxRejectRate)
        {
            return;
        }

        throw new FeedFailedException(string.Create(CultureInfo.InvariantCulture,
            $"{delivery.RelativePath}: {counts.Rejected} of {valid} rows ({100.0 * counts.Rejected / valid:0.0}%) were rejected, above the catalog's limit of {100 * delivery.Feed.MaxRejectRate:0.0}% for this feed; commonest reason {counts.TopReason()}. " +
            $"So many rejects mean a format change, not bad rows: see the rejects file, then ask {delivery.Feed.Source} to redeliver or update the catalog."));
    }

    // Most rows dated outside the window, in one other quarter: the institution sent the wrong quarter's file.
    private void CheckOtherQuarter(Delivery delivery, LakeBatch batch, RecordCounts counts)
    {
        var outside = batch.Columns.OfType<DateSink>().SelectMany(d => d.OutsideByQuarter).ToList();
        var valid = counts.Read - counts.Duplicates;
        var total = outside.Sum(o => o.Value);
        if (valid == 0 || total * 2 < valid)
        {
            return;
        }

        var commonest = outside.OrderByDescending(o => o.Value).ThenBy(o => o.Key).First().Key;
        throw new FeedFailedException(
            $"{delivery.RelativePath}: {total} of {valid} rows have dates outside the window for {context.Quarter}, most of them in {commonest}; this looks like the delivery for {commonest}, not {context.Quarter}. " +
            $"Ask {delivery.Feed.Source} for the {context.Quarter} file.");
    }

    // A file whose dates all lie before the quarter may be last quarter's delivery again, which a wide window accepts.
    // Only a warning: a sparse feed with a 12- or 24-month window can legitimately have no event this quarter.
    private string? StaleWarning(Delivery delivery, LakeBatch batch, RecordCounts counts)
    {
        var dates = batch.Columns.OfType<DateSink>().FirstOrDefault(d => d.Column.Role == ColumnRole.EventDate);
        if (dates is null || counts.Accepted < 10 || dates.InQuarter > 0)
        {
            return null;
        }

        return $"{delivery.RelativePath}: none of its {counts.Accepted} event dates falls in {context.Quarter}; if this is an earlier quarter's delivery again, ask {delivery.Feed.Source} for the {context.Quarter} file.";
    }

    private sealed record FeedRun(RecordCounts Counts, long UnknownKeys, string Encoding, IReadOnlyList<string> Warnings, LakeBatch Batch, long[] Written);
}
