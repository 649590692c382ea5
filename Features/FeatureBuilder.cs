using BlindSpot.Core.Catalog;
using BlindSpot.Core.Contracts;
using BlindSpot.Core.Hashing;
using BlindSpot.Core.Partitioning;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Stages;
using BlindSpot.Features.Buckets;
using BlindSpot.Features.Schema;
using BlindSpot.Features.Writing;

namespace BlindSpot.Features;

/// <summary>
/// The features stage: roster + lake of a quarter (and the previous quarter's lake for change features) →
/// <c>features/&lt;Q&gt;/bucket=NNN/part-0.parquet</c> (one per household bucket of the roster) and
/// <c>feature-manifest.json</c>. Each bucket is a unit of work of its own (<see cref="BuildBucketAsync"/>): it reads only
/// its bucket's roster and lake, so its memory follows the bucket's size, not the population's; a bucket whose inputs
/// are unchanged since its last build is skipped. <see cref="ReduceAsync"/> sums the buckets' records into the manifest.
/// </summary>
public sealed class FeatureBuilder(FeedCatalog catalog, FeatureOptions options)
{
    /// <summary>
    /// Builds every bucket (<see cref="FeatureOptions.Workers"/> at once), then the manifest. Does no bookkeeping: run it as
    /// <see cref="FeaturesStage"/> through the checkpoint.
    /// </summary>
    public async Task<FeatureBuildResult> BuildAsync(DataRoot root, Quarter quarter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        options.Validate();
        var clock = new PhaseClock();
        var buckets = Buckets(root, quarter);
        var built = new bool[buckets.Count];
        var took = new TimeSpan[buckets.Count];
        var parallel = Math.Min(options.Workers, Math.Max(1, buckets.Count));
        await Parallel.ForEachAsync(
            Enumerable.Range(0, buckets.Count),
            new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct },
            async (i, token) =>
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                built[i] = await BuildBucketAsync(root, quarter, buckets[i], Math.Max(1, options.Workers / parallel), token).ConfigureAwait(false);
                took[i] = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            }).ConfigureAwait(false);
        clock.Lap($"build {built.Count(b => b)} of {buckets.Count} buckets, {parallel} at once");
        var result = await ReduceAsync(root, quarter, ct).ConfigureAwait(false);
        clock.Lap("describe");
        // Each bucket's own time after the stage's phases (they overlap): what one bucket job costs, for planning workers.
        var phases = clock.Phases.Concat(buckets.Select((b, i) => new StagePhase($"{BucketLayout.BucketFolderName(b)}{(built[i] ? "" : " (current)")}", took[i])));
        return result with { Elapsed = clock.Elapsed, Phases = [.. phases], BucketsBuilt = built.Count(b => b) };
    }

    /// <summary>The buckets of the quarter's roster, in order: the units of the stage. No roster is an error saying to ingest first.</summary>
    public static IReadOnlyList<int> Buckets(DataRoot root, Quarter quarter)
    {
        ArgumentNullException.ThrowIfNull(root);
        var buckets = TableFiles.Roster(root, quarter).Select(f => f.Bucket).Distinct().ToArray();
        return buckets.Length > 0
            ? buckets
            : throw new FileNotFoundException($"{root.RosterFolder(quarter)}: no roster for {quarter}; run 'blindspot ingest {quarter}' first.", root.RosterFolder(quarter));
    }

    /// <summary>
    /// Builds one bucket's part and record, unless its record says it was built from the same inputs and the part still
    /// hashes the same. Safe to rerun and to run beside other buckets' builds (each writes only its own folder, through
    /// temporary files). Returns false when the bucket was current.
    /// </summary>
    public Task<bool> BuildBucketAsync(DataRoot root, Quarter quarter, int bucket, CancellationToken ct = default) =>
        BuildBucketAsync(root, quarter, bucket, options.Workers, ct);

    private async Task<bool> BuildBucketAsync(DataRoot root, Quarter quarter, int bucket, int workers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(root);
        options.Validate();
        var inputs = BucketInputs.Of(root, quarter, bucket, catalog);
        if (inputs.Roster.Count == 0)
        {
            throw new FileNotFoundException($"{root.RosterFolder(quarter)}: bucket {bucket} has no roster file; ingest {quarter} first.");
        }

        var key = await inputs.KeyAsync(catalog.Version, options, ct).ConfigureAwait(false);
        var part = root.FeaturesBucket(quarter, bucket);
        var recordPath = RecordPath(part);
        if (BucketRecord.TryLoad(recordPath) is { } done && done.Key == key && File.Exists(part)
            && await FileHash.Sha256Async(part, ct).ConfigureAwait(false) == done.PartSha256)
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(part)!);
        var record = await new BucketFeatures(catalog, options, workers).BuildAsync(root, quarter, inputs, part, key, ct).ConfigureAwait(false);
        record.Save(recordPath);
        return true;
    }

    /// <summary>
    /// Writes <c>feature-manifest.json</c> from the buckets' records, in bucket order. Every bucket of the roster must have
    /// been built for the current inputs (a missing or stale one is named); reads no part file.
    /// </summary>
    public async Task<FeatureBuildResult> ReduceAsync(DataRoot root, Quarter quarter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        var clock = new PhaseClock();
        var records = new List<BucketRecord>();
        var buckets = Buckets(root, quarter);
        // Scoring reads every bucket folder there is: those of an earlier B must go before the manifest says the build is whole.
        RemoveStaleParts(root, quarter, buckets);
        foreach (var bucket in buckets)
        {
            var part = root.FeaturesBucket(quarter, bucket);
            var key = await BucketInputs.Of(root, quarter, bucket, catalog).KeyAsync(catalog.Version, options, ct).ConfigureAwait(false);
            var record = BucketRecord.TryLoad(RecordPath(part));
            if (record is null || record.Key != key || !File.Exists(part))
            {
                throw new InvalidOperationException($"{Path.GetDirectoryName(part)}: bucket {bucket} of {quarter}'s features is {(record is null || !File.Exists(part) ? "missing" : "out of date")}; build it (its features bucket job) before the manifest.");
            }

            records.Add(record);
        }

        var manifest = Describe(quarter, FeatureSchema.For(catalog), records);
        var folder = root.FeaturesFolder(quarter);
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, FeatureManifest.FileName), manifest.ToUtf8Json(), ct).ConfigureAwait(false);
        clock.Lap("describe");
        return new FeatureBuildResult(manifest, folder, clock.Elapsed, clock.Phases);
    }

    private static string RecordPath(string part) => Path.Combine(Path.GetDirectoryName(part)!, FeatureFiles.BucketRecordFileName);

    private FeatureManifest Describe(Quarter quarter, FeatureSchema schema, IReadOnlyList<BucketRecord> records)
    {
        var totals = schema.Columns.Select(_ => new FeatureStatistics()).ToArray();
        foreach (var record in records)
        {
            for (var c = 0; c < totals.Length; c++)
            {
                totals[c].Merge(FeatureStatistics.From(record.Statistics[c]));
            }
        }

        var feeds = catalog.Feeds.Select((feed, f) => new FeatureManifest.FeedEntry(
            feed.Code,
            records.Any(r => r.Feeds[f].Present),
            records.Sum(r => r.Feeds[f].Rows),
            records.Sum(r => r.Feeds[f].UnknownKeys),
            records.Sum(r => r.Feeds[f].Units)));
        return new FeatureManifest
        {
            Quarter = quarter.ToString(),
            CatalogVersion = catalog.Version,
            SchemaHash = schema.Hash,
            PreviousQuarter = records.Any(r => r.HasPrevious) ? quarter.Previous.ToString() : null,
            Rows = records.Sum(r => r.Rows),
            Partitions = [.. records.Select(r => new FeatureManifest.PartitionEntry(
                $"{BucketLayout.BucketFolderName(r.Bucket)}/{BucketLayout.PartFileName}", r.Bucket, r.Rows))],
            Feeds = [.. feeds],
            Features = [.. schema.Columns.Select((c, i) => new FeatureManifest.FeatureEntry(
                c.Name, "float", c.Kind, c.Description,
                totals[i].Rows == 0 ? 0 : totals[i].Min,
                totals[i].Rows == 0 ? 0 : totals[i].Max,
                totals[i].Rows == 0 ? 0 : totals[i].Sum / totals[i].Rows,
                totals[i].Rows == 0 ? 0 : totals[i].NonZero / (double)totals[i].Rows))],
        };
    }

    /// <summary>
    /// A rerun after the roster lost buckets (another B) must not leave their old parts behind, nor the per-시도 parts
    /// (<c>part-NNN.parquet</c>) of a build before buckets.
    /// </summary>
    private static void RemoveStaleParts(DataRoot root, Quarter quarter, IReadOnlyList<int> buckets)
    {
        var folder = root.FeaturesFolder(quarter);
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var flat in Directory.EnumerateFiles(folder, FeatureFiles.PartPattern))
        {
            File.Delete(flat);
        }

        var keep = buckets.ToHashSet();
        foreach (var stale in TableFiles.InFolder(folder).Where(f => !keep.Contains(f.Bucket)).Select(f => Path.GetDirectoryName(f.Path)!).Distinct())
        {
            Directory.Delete(stale, recursive: true);
        }
    }
}
