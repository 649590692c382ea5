using System.Collections.Concurrent;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Hashing;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Features.Aggregation;
using BlindSpot.Features.Roster;
using BlindSpot.Features.Schema;
using BlindSpot.Features.Writing;

namespace BlindSpot.Features.Buckets;

/// <summary>
/// One bucket's features: reads the bucket's roster, folds its lake files of the quarter and of the one before, and
/// writes the bucket's part. Everything it holds is sized by the bucket's people (dense roster arrays, one accumulator
/// per worker, both quarters' aggregates), ~280 bytes a person of the bucket.
/// </summary>
internal sealed class BucketFeatures(FeedCatalog catalog, FeatureOptions options, int workers)
{
    public async Task<BucketRecord> BuildAsync(DataRoot root, Quarter quarter, BucketInputs inputs, string part, string key, CancellationToken ct)
    {
        var schema = FeatureSchema.For(catalog);
        var (roster, current, changes, history) = await ReadAndFoldAsync(root, quarter, inputs, ct).ConfigureAwait(false);
        var context = new FeatureContext(
            roster,
            schema,
            current,
            catalog.Feeds.Select((f, i) => (f.Code, i)).ToDictionary(p => p.Code, p => p.i),
            IndicatorTotals.From(roster, current),
            changes,
            options)
        {
            History = history,
        };
        var statistics = await PartitionWriter.WriteAsync(context, new Partition(inputs.Bucket, 0, roster.People), part, ct).ConfigureAwait(false);
        return new BucketRecord
        {
            Bucket = inputs.Bucket,
            Key = key,
            PartSha256 = await FileHash.Sha256Async(part, ct).ConfigureAwait(false),
            Rows = roster.People,
            HasPrevious = changes.HasPrevious,
            Feeds = [.. current.Select(f => new FeatureManifest.FeedEntry(f.Feed.Code, f.Present, f.Rows, f.UnknownKeys, f.Units.Length))],
            Statistics = [.. statistics.Select(s => s.ToRecord())],
        };
    }

    /// <summary>
    /// Reads the bucket's roster and folds this quarter's lake, the previous one (change features) and, with the catalog's
    /// history features, the two before it (each merged into the window and dropped before the next is folded). What
    /// only the fold needs — the key indexes, the accumulators and the earlier quarters' aggregates — lives in this method
    /// alone, so it is garbage before the write.
    /// </summary>
    private async Task<(RosterTable Roster, FeedAggregate[] Current, ChangeCounters Changes, WindowHistory History)> ReadAndFoldAsync(DataRoot root, Quarter quarter, BucketInputs inputs, CancellationToken ct)
    {
        var (roster, keys) = await RosterReader.ReadAsync(root, quarter, ct, [inputs.Bucket]).ConfigureAwait(false);
        var accumulators = new ConcurrentBag<FeedAccumulator>();
        var current = await AggregateAsync(quarter, inputs.Current, roster, keys, accumulators, FoldScope.AllRules, ct).ConfigureAwait(false);
        var previous = inputs.Previous is { } before
            ? await AggregateAsync(quarter.Previous, before, roster, keys, accumulators, FoldScope.ChangesOnly, ct).ConfigureAwait(false)
            : null;
        var changes = ChangeCounters.From(roster, current, previous);
        if (!catalog.HistoryFeatures)
        {
            return (roster, current, changes, WindowHistory.None);
        }

        var history = WindowHistory.Start(current);
        if (previous is not null)
        {
            history.Merge(previous, 1);
        }

        previous = null;
        var earlier = quarter.Previous.Previous;
        for (var e = 0; e < inputs.Earlier.Count; e++, earlier = earlier.Previous)
        {
            if (inputs.Earlier[e] is { } files)
            {
                history.Merge(await AggregateAsync(earlier, files, roster, keys, accumulators, FoldScope.ChangesOnly, ct).ConfigureAwait(false), e + 2);
            }
        }

        return (roster, current, changes, history.Complete(roster));
    }

    private async Task<FeedAggregate[]> AggregateAsync(Quarter quarter, IReadOnlyList<IReadOnlyList<string>> files, RosterTable roster, RosterKeys keys, ConcurrentBag<FeedAccumulator> accumulators, FoldScope scope, CancellationToken ct)
    {
        var results = new FeedAggregate[catalog.Feeds.Count];
        // Largest files first, so the workers finish together; results keep catalog order whatever order they are folded in.
        var largestFirst = Enumerable.Range(0, catalog.Feeds.Count)
            .OrderByDescending(f => files[f].Sum(file => new FileInfo(file).Length))
            .ThenBy(f => f);
        await Parallel.ForEachAsync(
            largestFirst,
            new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = ct },
            async (f, token) =>
            {
                var accumulator = accumulators.TryTake(out var free) ? free : new FeedAccumulator(roster.People);
                var feed = catalog.Feeds[f];
                var (index, units) = feed.Unit == FeedUnit.Person ? (keys.Persons, roster.People) : (keys.Households, roster.Households);
                results[f] = await FeedAggregator.AggregateAsync(feed, files[f], index, units, quarter.AsOf, accumulator, scope, token).ConfigureAwait(false);
                accumulators.Add(accumulator);
            }).ConfigureAwait(false);
        return results;
    }
}
