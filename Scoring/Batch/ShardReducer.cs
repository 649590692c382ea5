using BlindSpot.Core.Catalog;
using BlindSpot.Core.Hashing;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Stages;
using BlindSpot.Scoring.Data;
using BlindSpot.Scoring.Registry;

namespace BlindSpot.Scoring.Batch;

/// <summary>
/// The reduce of sharded scoring: opens every part's shard (in part order, as <see cref="ScoreJob"/> scores them), ranks
/// each variant nationally with <see cref="ShardMerge"/> (streaming: candidates and a chunk per shard, not the shards'
/// rows) and writes the same <c>scores/&lt;Q&gt;/&lt;variant&gt;.parquet</c> bytes whoever wrote the shards. No bookkeeping:
/// <see cref="ScoreStage.FromShards"/> runs it through the checkpoint. Refuses a missing shard, or one written for other
/// inputs, naming it.
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
        var scored = await MergeAndWriteAsync(ShardFiles.Folder(root, quarter), root, quarter, build, variants, options, clock, ct).ConfigureAwait(false);
        return new ScoreResult(scored, [.. VariantNames.All.Except(variants.Select(v => v.Variant))], clock.Elapsed, clock.Phases) { Shards = build.Parts.Count };
    }

    /// <summary>
    /// Opens every part's shard in <paramref name="folder"/>, checked against the key its part and the live models give, then ranks and writes each
    /// variant in turn. Shared by the single-process scorer and the sharded reduce, so both write the same bytes.
    /// </summary>
    internal static async Task<List<ScoreResult.Scored>> MergeAndWriteAsync(string folder, DataRoot root, Quarter quarter, FeatureBuild build, List<LiveVariant> variants, ScoreOptions options, PhaseClock clock, CancellationToken ct)
    {
        // The checkpoint has just hashed the parts and the manifest (its key), so these hashes come from FileHash's memo.
        var manifestHash = await FileHash.Sha256Async(Path.Combine(build.Folder, FeatureBuild.ManifestFileName), ct).ConfigureAwait(false);
        var listed = build.Parts;
        var shards = new List<ShardFile>(listed.Count);
        try
        {
            foreach (var part in listed)
            {
                var name = ShardFiles.PartName(part);
                var shard = ShardFiles.Shard(folder, name);
                if (!File.Exists(shard))
                {
                    throw new FileNotFoundException($"{shard}: the shard of {name} is missing; score it ('score' shard job) before the reduce.", shard);
                }

                shards.Add(ShardReader.Open(shard, ShardKey.Compute(await FileHash.Sha256Async(part.Path, ct).ConfigureAwait(false), manifestHash, variants), variants));
            }

            clock.Lap("open the shards");
            var scored = new List<ScoreResult.Scored>();
            for (var v = 0; v < variants.Count; v++)
            {
                clock.Restart();
                var variant = variants[v];
                var path = root.Scores(quarter, variant.Variant);
                var candidates = await ShardMerge.WriteAsync(shards, v, variant, options, build.Rows, path, c => ScoreJob.Metadata(quarter, variant, c, build), ct).ConfigureAwait(false);
                scored.Add(new ScoreResult.Scored(variant.Variant, variant.Model.Card.Version, shards.Sum(s => s.Variants[v].Rows), candidates, path));
                clock.Lap($"rank and write {variant.Variant.ToCode()}");
            }

            return scored;
        }
        finally
        {
            shards.ForEach(s => s.Dispose());
        }
    }
}
