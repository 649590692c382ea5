using System.Collections.Concurrent;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Hashing;
using BlindSpot.Core.Partitioning;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Stages;
using BlindSpot.Core.Runs;
using BlindSpot.Features.Aggregation;
using BlindSpot.Features.Roster;
using BlindSpot.Features.Schema;
using BlindSpot.Features.Writing;

namespace BlindSpot.Features;

/// <summary>
/// The features stage: roster + lake of a quarter (and the previous quarter's lake for change features) →
/// <c>features/&lt;Q&gt;/part-NNN.parquet</c> (one per 시도) and <c>feature-manifest.json</c>. Records itself in the run manifest.
/// </summary>
public sealed class FeatureBuilder(FeedCatalog catalog, FeatureOptions options)
{
    /// <summary>Builds the quarter's features. Does no bookkeeping: run it as <see cref="FeaturesStage"/> through the checkpoint.</summary>
    public async Task<FeatureBuildResult> BuildAsync(DataRoot root, Quarter quarter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        options.Validate();
        var clock = new PhaseClock();
        var schema = FeatureSchema.For(catalog);
        var (roster, current, changes, history) = await ReadAndFoldAsync(root, quarter, clock, ct).ConfigureAwait(false);
        clock.Restart();
        var hasPrevious = changes.HasPrevious;
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

        var folder = root.FeaturesFolder(quarter);
        Directory.CreateDirectory(folder);
        RemoveStaleParts(folder);
        var partitions = Partition.Split(roster.Sigungu);
        var statistics = new FeatureStatistics[partitions.Count][];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, partitions.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Workers, CancellationToken = ct },
            async (p, token) =>
            {
                var path = Path.Combine(folder, partitions[p].FileName);
                statistics[p] = await PartitionWriter.WriteAsync(context, partitions[p], path, token).ConfigureAwait(false);
            }).ConfigureAwait(false);
        clock.Lap($"write {partitions.Count} parts");

        var manifest = Describe(quarter, schema, roster, current, hasPrevious, partitions, statistics);
        await File.WriteAllBytesAsync(Path.Combine(folder, FeatureManifest.FileName), manifest.ToUtf8Json(), ct).ConfigureAwait(false);
        clock.Lap("describe");
        return new FeatureBuildResult(manifest, folder, clock.Elapsed, clock.Phases);
    }

    /// <summary>
    /// Reads the roster and folds this quarter's lake, the previous one (change features) and, when the catalog asks for
    /// history features, the two before it (each merged into the window and dropped before the next). What only the fold needs — the key indexes, the accumulators and
    /// the previous quarter's aggregates, ~1.5 GB at 9 million people — lives in this method alone: as locals of
    /// <see cref="BuildAsync"/> they would stay alive through the writes, since an async method keeps its locals to its end.
    /// </summary>
    private async Task<(RosterTable Roster, FeedAggregate[] Current, ChangeCounters Changes, WindowHistory History)> ReadAndFoldAsync(DataRoot root, Quarter quarter, PhaseClock clock, CancellationToken ct)
    {
        clock.Restart();
        var (roster, keys) = await RosterReader.ReadAsync(root, quarter, ct).ConfigureAwait(false);
        clock.Lap("read roster");
        // One accumulator per worker for both quarters: each is ~360 MB at 9 million people.
        var accumulators = new ConcurrentBag<FeedAccumulator>();
        var current = await AggregateAsync(root, quarter, roster, keys, accumulators, FoldScope.AllRules, ct).ConfigureAwait(false);
        clock.Lap($"fold {quarter}");
        var previous = Directory.Exists(root.LakeFolder(quarter.Previous))
            ? await AggregateAsync(root, quarter.Previous, roster, keys, accumulators, FoldScope.ChangesOnly, ct).ConfigureAwait(false)
            : null;
        var changes = ChangeCounters.From(roster, current, previous);
        clock.Lap($"fold {quarter.Previous} and compare");
        if (!catalog.HistoryFeatures)
        {
            return (roster, current, changes, WindowHistory.None);
        }

        var history = WindowHistory.Start(current);
        var earlier = quarter.Previous;
        for (var back = 1; back < WindowHistory.Quarters; back++, earlier = earlier.Previous)
        {
            // Each earlier quarter is merged and dropped before the next is folded, so one is held at a time.
            var folded = back == 1 ? previous : Directory.Exists(root.LakeFolder(earlier))
                ? await AggregateAsync(root, earlier, roster, keys, accumulators, FoldScope.ChangesOnly, ct).ConfigureAwait(false)
                : null;
            if (folded is not null)
            {
                history.Merge(folded, back);
            }

            previous = null;
        }

        clock.Lap($"fold history to {earlier.Next}");
        return (roster, current, changes, history.Complete(roster));
    }

    private async Task<FeedAggregate[]> AggregateAsync(DataRoot root, Quarter quarter, RosterTable roster, RosterKeys keys, ConcurrentBag<FeedAccumulator> accumulators, FoldScope scope, CancellationToken ct)
    {
        var results = new FeedAggregate[catalog.Feeds.Count];
        // Largest files first, so the workers finish together instead of one folding the last big feed alone; results
        // keep catalog order whatever order they are folded in.
        var largestFirst = Enumerable.Range(0, catalog.Feeds.Count)
            .OrderByDescending(f => TableFiles.Lake(root, quarter, catalog.Feeds[f].Code).Sum(file => new FileInfo(file.Path).Length))
            .ThenBy(f => f);
        await Parallel.ForEachAsync(
            largestFirst,
            new ParallelOptions { MaxDegreeOfParallelism = options.Workers, CancellationToken = ct },
            async (f, token) =>
            {
                var accumulator = accumulators.TryTake(out var free) ? free : new FeedAccumulator(roster.People);
                var feed = catalog.Feeds[f];
                var (index, units) = feed.Unit == FeedUnit.Person ? (keys.Persons, roster.People) : (keys.Households, roster.Households);
                results[f] = await FeedAggregator.AggregateAsync(feed, TableFiles.Lake(root, quarter, feed.Code).Paths(), index, units, quarter.AsOf, accumulator, scope, token).ConfigureAwait(false);
                accumulators.Add(accumulator);
            }).ConfigureAwait(false);
        return results;
    }

    private FeatureManifest Describe(Quarter quarter, FeatureSchema schema, RosterTable roster, FeedAggregate[] feeds, bool hasPrevious, IReadOnlyList<Partition> partitions, FeatureStatistics[][] statistics)
    {
        var totals = schema.Columns.Select(_ => new FeatureStatistics()).ToArray();
        foreach (var partition in statistics)
        {
            for (var c = 0; c < totals.Length; c++)
            {
                totals[c].Merge(partition[c]);
            }
        }

        return new FeatureManifest
        {
            Quarter = quarter.ToString(),
            CatalogVersion = catalog.Version,
            SchemaHash = schema.Hash,
            PreviousQuarter = hasPrevious ? quarter.Previous.ToString() : null,
            Rows = roster.People,
            Partitions = [.. partitions.Select(p => new FeatureManifest.PartitionEntry(p.FileName, p.SidoCode, p.Rows))],
            Feeds = [.. feeds.Select(f => new FeatureManifest.FeedEntry(f.Feed.Code, f.Present, f.Rows, f.UnknownKeys, f.Units.Length))],
            Features = [.. schema.Columns.Select((c, i) => new FeatureManifest.FeatureEntry(
                c.Name, "float", c.Kind, c.Description,
                totals[i].Rows == 0 ? 0 : totals[i].Min,
                totals[i].Rows == 0 ? 0 : totals[i].Max,
                totals[i].Rows == 0 ? 0 : totals[i].Sum / totals[i].Rows,
                totals[i].Rows == 0 ? 0 : totals[i].NonZero / (double)totals[i].Rows))],
        };
    }

    /// <summary>A rerun after the roster lost a 시도 must not leave that 시도's old part behind.</summary>
    private static void RemoveStaleParts(string folder)
    {
        foreach (var stale in Directory.EnumerateFiles(folder, Core.Contracts.FeatureFiles.PartPattern))
        {
            File.Delete(stale);
        }
    }
}
