using System.Collections.Concurrent;
using System.Diagnostics;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Hashing;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
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
public sealed class FeatureBuilder(FeedCatalog catalog, FeatureOptions options, TimeProvider time)
{
    public const string StageName = "features";

    public Task<FeatureBuildResult> BuildAsync(DataRoot root, Quarter quarter, CancellationToken ct = default) => BuildAsync(root, quarter, null, ct);

    /// <param name="knownInputs">
    /// The inputs' hashes when the caller has just taken them (the pipeline's checkpoint key), recorded as they are; null
    /// to hash the roster and both quarters' lakes here, alongside the roster read.
    /// </param>
    public async Task<FeatureBuildResult> BuildAsync(DataRoot root, Quarter quarter, IReadOnlyDictionary<string, string>? knownInputs, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        options.Validate();
        var started = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var schema = FeatureSchema.For(catalog);
        // Unknown inputs are hashed for the run manifest while the roster is read, on the core its decoding leaves.
        var inputHashes = knownInputs is null
            ? Task.Run(() => HashInputsAsync(root, quarter, ct), ct)
            : Task.FromResult(new SortedDictionary<string, string>(knownInputs.ToDictionary(), StringComparer.Ordinal));
        var phases = new List<FeatureBuildResult.Phase>();
        var (roster, current, changes) = await ReadAndFoldAsync(root, quarter, phases, ct).ConfigureAwait(false);
        var lap = Stopwatch.GetTimestamp();
        var hasPrevious = changes.HasPrevious;
        var context = new FeatureContext(
            roster,
            schema,
            current,
            catalog.Feeds.Select((f, i) => (f.Code, i)).ToDictionary(p => p.Code, p => p.i),
            IndicatorTotals.From(roster, current),
            changes,
            options);

        var folder = root.FeaturesFolder(quarter);
        Directory.CreateDirectory(folder);
        RemoveStaleParts(folder);
        var partitions = Partition.Split(roster.Sigungu);
        var statistics = new FeatureStatistics[partitions.Count][];
        var partHashes = new string[partitions.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, partitions.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Workers, CancellationToken = ct },
            async (p, token) =>
            {
                var path = Path.Combine(folder, partitions[p].FileName);
                statistics[p] = await PartitionWriter.WriteAsync(context, partitions[p], path, token).ConfigureAwait(false);
                partHashes[p] = await FileHash.Sha256Async(path, token).ConfigureAwait(false);
            }).ConfigureAwait(false);
        phases.Add(new FeatureBuildResult.Phase($"write {partitions.Count} parts", Stopwatch.GetElapsedTime(lap)));
        lap = Stopwatch.GetTimestamp();

        var manifest = Describe(quarter, schema, roster, current, hasPrevious, partitions, statistics);
        await File.WriteAllBytesAsync(Path.Combine(folder, FeatureManifest.FileName), manifest.ToUtf8Json(), ct).ConfigureAwait(false);
        await RecordAsync(root, quarter, manifest, await inputHashes.ConfigureAwait(false), partHashes, started, ct).ConfigureAwait(false);
        phases.Add(new FeatureBuildResult.Phase("describe and record", Stopwatch.GetElapsedTime(lap)));
        return new FeatureBuildResult(manifest, folder, clock.Elapsed, phases);
    }

    /// <summary>
    /// Reads the roster and folds both quarters' lakes. What only the fold needs — the key indexes, the accumulators and
    /// the previous quarter's aggregates, ~1.5 GB at 9 million people — lives in this method alone: as locals of
    /// <see cref="BuildAsync"/> they would stay alive through the writes, since an async method keeps its locals to its end.
    /// </summary>
    private async Task<(RosterTable Roster, FeedAggregate[] Current, ChangeCounters Changes)> ReadAndFoldAsync(DataRoot root, Quarter quarter, List<FeatureBuildResult.Phase> phases, CancellationToken ct)
    {
        var lap = Stopwatch.GetTimestamp();
        var (roster, keys) = await RosterReader.ReadAsync(root.Roster(quarter), ct).ConfigureAwait(false);
        phases.Add(new FeatureBuildResult.Phase("read roster", Stopwatch.GetElapsedTime(lap)));
        lap = Stopwatch.GetTimestamp();
        // One accumulator per worker for both quarters: each is ~360 MB at 9 million people.
        var accumulators = new ConcurrentBag<FeedAccumulator>();
        var current = await AggregateAsync(root, quarter, roster, keys, accumulators, FoldScope.AllRules, ct).ConfigureAwait(false);
        phases.Add(new FeatureBuildResult.Phase($"fold {quarter}", Stopwatch.GetElapsedTime(lap)));
        lap = Stopwatch.GetTimestamp();
        var previous = Directory.Exists(root.LakeFolder(quarter.Previous))
            ? await AggregateAsync(root, quarter.Previous, roster, keys, accumulators, FoldScope.ChangesOnly, ct).ConfigureAwait(false)
            : null;
        var changes = ChangeCounters.From(roster, current, previous);
        phases.Add(new FeatureBuildResult.Phase($"fold {quarter.Previous} and compare", Stopwatch.GetElapsedTime(lap)));
        return (roster, current, changes);
    }

    private async Task<FeedAggregate[]> AggregateAsync(DataRoot root, Quarter quarter, RosterTable roster, RosterKeys keys, ConcurrentBag<FeedAccumulator> accumulators, FoldScope scope, CancellationToken ct)
    {
        var results = new FeedAggregate[catalog.Feeds.Count];
        // Largest files first, so the workers finish together instead of one folding the last big feed alone; results
        // keep catalog order whatever order they are folded in.
        var largestFirst = Enumerable.Range(0, catalog.Feeds.Count)
            .OrderByDescending(f => new FileInfo(root.LakeFeed(quarter, catalog.Feeds[f].Code)) is { Exists: true } file ? file.Length : 0)
            .ThenBy(f => f);
        await Parallel.ForEachAsync(
            largestFirst,
            new ParallelOptions { MaxDegreeOfParallelism = options.Workers, CancellationToken = ct },
            async (f, token) =>
            {
                var accumulator = accumulators.TryTake(out var free) ? free : new FeedAccumulator(roster.People);
                var feed = catalog.Feeds[f];
                var (index, units) = feed.Unit == FeedUnit.Person ? (keys.Persons, roster.People) : (keys.Households, roster.Households);
                results[f] = await FeedAggregator.AggregateAsync(feed, root.LakeFeed(quarter, feed.Code), index, units, quarter.AsOf, accumulator, scope, token).ConfigureAwait(false);
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

    private async Task<SortedDictionary<string, string>> HashInputsAsync(DataRoot root, Quarter quarter, CancellationToken ct)
    {
        var inputs = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [Path.GetRelativePath(root.Path, root.Roster(quarter))] = await FileHash.Sha256Async(root.Roster(quarter), ct).ConfigureAwait(false),
        };
        foreach (var q in new[] { quarter, quarter.Previous })
        {
            foreach (var feed in catalog.Feeds.Where(f => File.Exists(root.LakeFeed(q, f.Code))))
            {
                inputs[Path.GetRelativePath(root.Path, root.LakeFeed(q, feed.Code))] = await FileHash.Sha256Async(root.LakeFeed(q, feed.Code), ct).ConfigureAwait(false);
            }
        }

        return inputs;
    }

    /// <summary>Records the stage; <paramref name="partHashes"/> are the parts' SHA-256, in manifest order, taken as each was written.</summary>
    private async Task RecordAsync(DataRoot root, Quarter quarter, FeatureManifest manifest, SortedDictionary<string, string> inputs, string[] partHashes, DateTimeOffset started, CancellationToken ct)
    {
        var outputs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (var p = 0; p < manifest.Partitions.Count; p++)
        {
            outputs[Path.GetRelativePath(root.Path, Path.Combine(root.FeaturesFolder(quarter), manifest.Partitions[p].File))] = partHashes[p];
        }

        var manifestPath = Path.Combine(root.FeaturesFolder(quarter), FeatureManifest.FileName);
        outputs[Path.GetRelativePath(root.Path, manifestPath)] = await FileHash.Sha256Async(manifestPath, ct).ConfigureAwait(false);

        var run = RunManifest.LoadOrCreate(root.RunManifest(quarter), quarter.ToString()).With(new StageRecord
        {
            Stage = StageName,
            State = StageState.Completed,
            Inputs = inputs,
            Outputs = outputs,
            Counts = new SortedDictionary<string, long>(StringComparer.Ordinal)
            {
                ["rows"] = manifest.Rows,
                ["features"] = manifest.Features.Count,
                ["unknownKeys"] = manifest.Feeds.Sum(f => f.UnknownKeys),
                ["absentFeeds"] = manifest.Feeds.Count(f => !f.Present),
            },
            StartedAt = started,
            FinishedAt = time.GetUtcNow(),
        });
        run.Save(root.RunManifest(quarter));
    }

    /// <summary>A rerun after the roster lost a 시도 must not leave that 시도's old part behind.</summary>
    private static void RemoveStaleParts(string folder)
    {
        foreach (var stale in Directory.EnumerateFiles(folder, "part-*.parquet"))
        {
            File.Delete(stale);
        }
    }
}
