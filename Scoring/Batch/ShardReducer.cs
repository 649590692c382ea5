using BlindSpot.Core.Catalog;
using BlindSpot.Core.Hashing;
using BlindSpot.Core.Partitioning;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Stages;
using BlindSpot.Scoring.Data;
using BlindSpot.Scoring.Registry;

namespace BlindSpot.Scoring.Batch;

/// <summary>
/// The reduce of sharded scoring: loads every part's shard (in part order, as <see cref="ScoreJob"/> scores them), ranks
/// each variant nationally with <see cref="VariantRanker"/> and writes the same <c>scores/&lt;Q&gt;/&lt;variant&gt;.parquet</c>
/// bytes as the single-process scorer. No bookkeeping: <see cref="ScoreStage.FromShards"/> runs it through the
/// checkpoint. Refuses a missing shard, or one written for other inputs, naming it.
/// </summary>
internal sealed class ShardReducer
{
    public async Task<ScoreResult> ReduceAsync(DataRoot root, Quarter quarter, ModelRegistry registry, ScoreOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var clock = new PhaseClock();
        var build = FeatureBuild.Load(root, quarter);
        var variants = ScoreJob.LiveVariants(registry, build, options);

        // The checkpoint has just hashed the parts and the manifest (its key), so these hashes come from FileHash's memo.
        var manifestHash = await FileHash.Sha256Async(Path.Combine(build.Folder, FeatureBuild.ManifestFileName), ct).ConfigureAwait(false);
        var listed = build.Parts;
        var parts = listed.Paths();
        var partScores = new PartScores[parts.Count][];
        for (var p = 0; p < parts.Count; p++)
        {
            var part = ShardFiles.PartName(listed[p]);
            var shard = ShardFiles.Shard(root, quarter, part);
            if (!File.Exists(shard))
            {
                throw new FileNotFoundException($"{shard}: the shard of {part} is missing; score it ('score' shard job) before the reduce.", shard);
            }

            partScores[p] = ShardReader.Read(shard, ShardKey.Compute(await FileHash.Sha256Async(parts[p], ct).ConfigureAwait(false), manifestHash, variants), variants);
        }

        clock.Lap("read the shards");
        var scored = await ScoreJob.RankAndWriteAsync(root, quarter, build, variants, partScores, options, clock, ct).ConfigureAwait(false);
        return new ScoreResult(scored, [.. VariantNames.All.Except(variants.Select(v => v.Variant))], clock.Elapsed, clock.Phases) { Shards = parts.Count };
    }
}
