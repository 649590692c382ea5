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
/// with <c>_partitioning.json</c>) and the key index feeds are checked
/// against. Rows are validated like a feed's; a person key shared by two different resident numbers fails the stage.
/// </summary>
internal sealed class RosterIngester(IngestContext context)
{
    private const string RepeatedPerson = "resident number appears earlier in the roster";

    public async Task<(FeedReport Report, RosterIndex Index)> IngestAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var started = context.Time.GetTimestamp();
        var roster = context.Catalog.Roster;
        var format = context.Catalog.DeliveryOf(roster);
        var table = new RosterTable();
        // Only to find a repeated person while reading; the index the feeds use is built once the roster is complete.
        LongSet? persons = new(delivery.EstimatedRows);
        var households = new LongSet(delivery.EstimatedRows / 2);
        var repeated = new List<long>();
        RecordCounts counts;
        string encoding;
        IReadOnlyList<string> warnings;
        using (var reader = DeliveryReader.Open(delivery, format, roster.Source, context.MaxLineBytes))
        using (var rejects = new RejectWriter(context.Root.Rejects(context.Quarter, roster.Code)))
        {
            var rows = new RosterRowReader(reader, roster, format, context, rejects, delivery.EstimatedRows);
            counts = rows.Counts;
            while (rows.Next(table))
            {
                var person = table.PersonKey[^1];
                if (!persons.Add(person))
                {
                    repeated.Add(person);
                    rows.RejectLast(table, "resident_no", RepeatedPerson);
                    continue;
                }

                households.Add(table.HouseholdKey[^1]);
            }

            rows.Lines.CheckEveryLineRead(delivery.RelativePath, roster.Source, context.MaxUnmatchedLines);
            encoding = reader.EncodingRead;
            warnings = reader.Warnings;
        }

        // An async method keeps its locals to its end: let the set go before the index and the sort are built.
        persons = null;
        counts.CheckReconciled(delivery.RelativePath);
        CheckRejectRate(delivery, counts);
        if (repeated.Count > 0)
        {
            CheckCollisions(delivery, format, [.. repeated]);
        }

        var buckets = context.Buckets is { } configured ? new Buckets(configured) : Buckets.DefaultFor(table.Count);
        var index = Index(table, buckets, households);
        var written = await WriteAsync(table, buckets, cancellationToken);
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
        return (report, index);
    }

    private static RosterIndex Index(RosterTable table, Buckets buckets, LongSet households)
    {
        var persons = new PersonBuckets(table.Count);
        for (var row = 0; row < table.Count; row++)
        {
            persons.Add(table.PersonKey[row], buckets.Of(table.HouseholdKey[row]));
        }

        return new RosterIndex(persons, households, buckets);
    }

    // Buckets of an earlier run beyond this run's B are removed first, so the folder holds exactly this partitioning.
    private async Task<IReadOnlyList<BucketReport>> WriteAsync(RosterTable table, Buckets buckets, CancellationToken cancellationToken)
    {
        var root = context.Root;
        var quarter = context.Quarter;
        OutputFiles.DeleteTree(root.RosterFolder(quarter));
        var people = await RosterWriter.WriteBucketsAsync(table, buckets, b => root.RosterBucket(quarter, b), context.RowGroupSize, cancellationToken);
        new PartitioningRecord { Buckets = buckets.Count, People = people }.Save(root.Partitioning(quarter));
        var paths = Enumerable.Range(0, buckets.Count).Select(b => root.RosterBucket(quarter, b)).ToList();
        var hashes = await FileHash.Sha256AllAsync(paths, cancellationToken);
        return [.. Enumerable.Range(0, buckets.Count).Select(b => new BucketReport { Bucket = b, Accepted = people[b], Sha256 = hashes[b] })];
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
