using System.Diagnostics;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Scoring.Data;
using BlindSpot.Scoring.Registry;

namespace BlindSpot.Scoring.Batch;

/// <summary>
/// The reduce of sharded scoring: loads every part's shard (in part order, as <see cref="ScoreJob"/> scores them), ranks
/// each variant nationally with <see cref="VariantRanker"/> and writes the same <c>scores/&lt;Q&gt;/&lt;variant&gt;.parquet</c>
/// bytes as the single-process scorer; records the score stage in the run manifest. Refuses a missing shard, or one
/// written for other inputs, naming it.
/// </summary>
internal sealed class ShardReducer(TimeProvider clock)
{
    public async Task<ScoreResult> ReduceAsync(DataRoot root, Quarter quarter, ModelRegistry registry, ScoreOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var started = clock.GetUtcNow();
        var stopwatch = Stopwatch.GetTimestamp();
        try
        {
            var build = FeatureBuild.Load(root, quarter);
            var variants = ScoreJob.LiveVariants(registry, build, options);

            // The part hashes are the stage's inputs and also check each shard's key, so parts are hashed once.
            var inputs = await ScoreJob.InputsAsync(root, build, variants, ct).ConfigureAwait(false);
            var manifestHash = inputs[ScoreJob.Relative(root, Path.Combine(build.Folder, FeatureBuild.ManifestFileName))];
            var parts = build.PartFiles;
            var partScores = new PartScores[parts.Count][];
            for (var p = 0; p < parts.Count; p++)
            {
                var part = Path.GetFileNameWithoutExtension(parts[p]);
                var shard = ShardFiles.Shard(root, quarter, part);
                if (!File.Exists(shard))
                {
                    throw new FileNotFoundException($"{shard}: the shard of {part} is missing; score it ('score' shard job) before the reduce.", shard);
                }

                partScores[p] = ShardReader.Read(shard, ShardKey.Compute(inputs[ScoreJob.Relative(root, parts[p])], manifestHash, variants), variants);
            }

            var phases = new List<ScoreResult.Phase>();
            var scored = await ScoreJob.RankAndWriteAsync(root, quarter, build, variants, partScores, options, phases, ct).ConfigureAwait(false);
            var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var variant in variants)
            {
                counts[variant.Variant.ToCode() + ".shards"] = parts.Count;
            }

            await ScoreJob.RecordCompletedAsync(root, quarter, inputs, scored, counts, started, clock, ct).ConfigureAwait(false);
            return new ScoreResult(scored, [.. VariantNames.All.Except(variants.Select(v => v.Variant))], Stopwatch.GetElapsedTime(stopwatch), phases);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ScoreJob.RecordFailed(root, quarter, started, clock, ex);
            throw;
        }
    }
}
