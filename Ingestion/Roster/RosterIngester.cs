using System.Globalization;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Hashing;
using BlindSpot.Core.Partitioning;
using BlindSpot.Ingestion.Deliveries;
using BlindSpot.Ingestion.Feeds;
using BlindSpot.Ingestion.Lake;
using BlindSpot.Ingestion.Reading;
using BlindSpot.Ingestion.Reporting;
using BlindSpot.Ingestion.Validation;

namespace BlindSpot.Ingestion.Roster;

/// <summary>
/// Ingests the resident-registration extract into the roster's buckets (<c>roster/&lt;Q&gt;/bucket=NNN/part-0.parquet</c>,
/// with <c>_partitioning.json</c>) and the key index feeds are checked against, in two steps: one streaming pass that
/// validates every row and spills the accepted ones by household key range (<see cref="RosterSpill"/>), then the
/// buckets written one per core from the spill, so the roster is never whole in memory. Rows are validated like a
/// feed's; a person key shared by two different resident numbers fails the stage.
/// </summary>
internal sealed class RosterIngester(IngestContext context)
{
    private const string RepeatedPerson = "resident number appears earlier in the roster";

    // Rows read into memory before they go to the spill: one chunk of every column.
    private const int BatchRows = 1 << 20;

    public async Task<(FeedReport Report, RosterIndex Index)> IngestAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var started = context.Time.GetTimestamp();
        var roster = context.Catalog.Roster;
        var format = context.Catalog.DeliveryOf(roster);
        using var spill = new RosterSpill(context.Root.RosterFolder(context.Quarter) + ".spill", RosterSpill.PartsFor(context.Buckets, delivery.EstimatedRows));
        var (counts, households, repeated, encoding, warnings) = Split(delivery, format, spill);
        counts.CheckReconciled(delivery.RelativePath);
        CheckRejectRate(delivery, counts);
        if (repeated.Count > 0)
        {
            CheckCollisions(delivery, format, [.. repeated]);
        }

        var buckets = context.Buckets is { } configured ? new Buckets(configured) : Buckets.DefaultFor(counts.Accepted);
        var (written, persons) = await WriteAsync(spill, buckets, checked((int)counts.Accepted), cancellationToken);
        var report = new FeedReport
        {
            Feed = roster.Code,
            Source = roster.Source,
            Required = true,
            Status = FeedStatus.Ingested,
            File = delivery.RelativePath,
            Encoding = encoding,
            Lines = counts.Lines,
            RowsRead = counts.Read,
            Accepted = counts.Accepted,
            Rejected = counts.Rejected,
            Duplicates = counts.Duplicates,
            InputSha256 = delivery.Sha256,
            OutputSha256 = BucketReport.Combined(written),
            Buckets = written,
            DurationMs = (long)context.Time.GetElapsedTime(started).TotalMilliseconds,
            Warnings = warnings,
        };
        return (report, new RosterIndex(persons, households, buckets));
    }

    // The one streaming pass: every accepted row goes to the spill part of its household's key range. What must see the
    // whole roster at once is kept compact and dropped when the pass ends: the duplicate filter (16 bytes a slot) and the
    // person keys seen (8 bytes a slot) for a repeated person. The household keys stay, for feeds' unknown keys.
    private (RecordCounts Counts, LongSet Households, List<long> Repeated, string Encoding, IReadOnlyList<string> Warnings) Split(Delivery delivery, DeliveryFormat format, RosterSpill spill)
    {
        var roster = delivery.Feed;
        var batch = new RosterTable();
        var persons = new LongSet(delivery.EstimatedRows);
        var households = new LongSet(delivery.EstimatedRows / 2);
        var repeated = new List<long>();
        using var reader = DeliveryReader.Open(delivery, format, roster.Source, context.MaxLineBytes);
        using (var rejects = new RejectWriter(context.Root.Rejects(context.Quarter, roster.Code)))
        {
            var rows = new RosterRowReader(reader, roster, format, context, rejects, delivery.EstimatedRows);
            while (rows.Next(batch))
            {
                var person = batch.PersonKey[^1];
                if (!persons.Add(person))
                {
                    repeated.Add(person);
                    rows.RejectLast(batch, "resident_no", RepeatedPerson);
                    continue;
                }

                households.Add(batch.HouseholdKey[^1]);
                if (batch.Count == BatchRows)
                {
                    Flush(batch, spill);
                }
            }

            Flush(batch, spill);
            spill.Complete();
            rows.Lines.CheckEveryLineRead(delivery.RelativePath, roster.Source, context.MaxUnmatchedLines);
            return (rows.Counts, households, repeated, reader.EncodingRead, reader.Warnings);
        }
    }

    private static void Flush(RosterTable batch, RosterSpill spill)
    {
        for (var row = 0; row < batch.Count; row++)
        {
            spill.Add(batch, row);
        }

        batch.Clear();
    }

    // Per-bucket writing, buckets in parallel on every core: each loads only its own rows from the spill, sorts and
    // writes them, and adds its people to the person → bucket map. Buckets of an earlier run beyond this run's B are
    // removed first, so the folder holds exactly this partitioning.
    private async Task<(IReadOnlyList<BucketReport> Written, PersonBuckets Persons)> WriteAsync(RosterSpill spill, Buckets buckets, int accepted, CancellationToken cancellationToken)
    {
        var root = context.Root;
        var quarter = context.Quarter;
        OutputFiles.DeleteTree(root.RosterFolder(quarter));
        var people = new long[buckets.Count];
        var persons = new PersonBuckets(accepted);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, buckets.Count), parallel, async (bucket, ct) =>
        {
            var table = spill.Read(buckets, bucket);
            await RosterWriter.WriteBucketAsync(table, root.RosterBucket(quarter, bucket), context.RowGroupSize, ct);
            people[bucket] = table.Count;
            persons.AddRange(Keys(table), bucket);
        });
        persons.Seal();
        new PartitioningRecord { Buckets = buckets.Count, People = people }.Save(root.Partitioning(quarter));
        var paths = Enumerable.Range(0, buckets.Count).Select(b => root.RosterBucket(quarter, b)).ToList();
        var hashes = await FileHash.Sha256AllAsync(paths, cancellationToken);
        return ([.. Enumerable.Range(0, buckets.Count).Select(b => new BucketReport { Bucket = b, Accepted = people[b], Sha256 = hashes[b] })], persons);
    }

    private static long[] Keys(RosterTable table)
    {
        var keys = new long[table.Count];
        for (var row = 0; row < keys.Length; row++)
        {
            keys[row] = table.PersonKey[row];
        }

        return keys;
    }

    private static void CheckRejectRate(Delivery delivery, RecordCounts counts)
    {
        var valid = counts.Read - counts.Duplicates;
        if (valid > 0 && (double)counts.Rejected / valid > delivery.Feed.MaxRejectRate)
        {
            throw new FeedFailedException(string.Create(CultureInfo.InvariantCulture,
                $"{delivery.RelativePath}: {counts.Rejected} of {valid} roster rows were rejected, above the limit of {100 * delivery.Feed.MaxRejectRate:0.0}%; commonest reason {counts.TopReason()}. Every stage joins on the roster: ask {delivery.Feed.Source} to redeliver it."));
        }
    }

    // A repeated key is either the same number twice (a data error, quarantined) or two numbers sharing a 64-bit
    // pseudonym: then every stage after this one would merge two people, so the stage stops. A second pass over the
    // file, only when keys repeat, tells which.
    private void CheckCollisions(Delivery delivery, DeliveryFormat format, HashSet<long> keys)
    {
        var numbers = new Dictionary<long, HashSet<string>>();
        var parser = new KeyParser(delivery.Feed.KeyColumn, context.Pseudonymizer);
        using var reader = DeliveryReader.Open(delivery, format, delivery.Feed.Source, context.MaxLineBytes);
        while (reader.Read())
        {
            var span = reader.FieldCount == reader.Header.FieldCount ? reader.GetSpan(reader.Header.Indexes[0]) : [];
            if (parser.TryParse(span, out var key) is null && keys.Contains(key))
            {
                if (!numbers.TryGetValue(key, out var set))
                {
                    numbers[key] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(System.Text.Encoding.ASCII.GetString(span));
                if (set.Count > 1)
                {
                    throw new IngestException(
                        $"{delivery.RelativePath}: two different resident numbers share person key {new Core.Keys.PersonKey(key)}: a pseudonym collision that would merge two people. " +
                        $"Ingest with another {Core.Keys.Pseudonymizer.KeyVariable} (and re-ingest every quarter with it).");
                }
            }
        }
    }
}
