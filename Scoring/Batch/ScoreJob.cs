using System.Globalization;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Hashing;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Stages;
using BlindSpot.Scoring.Data;
using BlindSpot.Scoring.Registry;

namespace BlindSpot.Scoring.Batch;

/// <summary>
/// <c>blindspot score &lt;Q&gt;</c>: every variant with a live model, over its eligible people, through the fast tree
/// evaluator; writes <c>scores/&lt;Q&gt;/&lt;variant&gt;.parquet</c>. The parts (household buckets) are scored on every core,
/// each into a shard file as the shard jobs write them (in <see cref="ShardFiles.InProcessFolder"/>, deleted at the end) and dropped, then
/// <see cref="ShardReducer"/> merges the shards: memory follows the parts in flight and the candidates, not the
/// population. No bookkeeping: <see cref="ScoreStage"/> runs it through the checkpoint. Safe to rerun: outputs are
/// replaced atomically and the same inputs give the same bytes.
/// </summary>
internal sealed class ScoreJob
{
    public async Task<ScoreResult> RunAsync(DataRoot root, Quarter quarter, ModelRegistry registry, ScoreOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var clock = new PhaseClock();
        var build = FeatureBuild.Load(root, quarter);
        var variants = LiveVariants(registry, build, options);
        var folder = ShardFiles.InProcessFolder(root, quarter);
        List<ScoreResult.Scored> scored;
        try
        {
            Delete(folder);
            await ScorePartsAsync(folder, build, variants, options, ct).ConfigureAwait(false);
            clock.Lap("load models, read and score parts");
            scored = await ShardReducer.MergeAndWriteAsync(folder, root, quarter, build, variants, options, clock, ct).ConfigureAwait(false);
        }
        finally
        {
            Delete(folder);
        }

        var missing = VariantNames.All.Except(variants.Select(v => v.Variant)).ToArray();
        return new ScoreResult(scored, missing, clock.Elapsed, clock.Phases);
    }

    internal static List<LiveVariant> LiveVariants(ModelRegistry registry, FeatureBuild build, ScoreOptions options)
    {
        var variants = new List<LiveVariant>();
        foreach (var variant in VariantNames.All)
        {
            var model = registry.LoadLive(variant);
            if (model is null)
            {
                continue;
            }

            if (model.Card.SchemaHash != build.SchemaHash || !model.Card.Features.SequenceEqual(build.Names))
            {
                throw new InvalidDataException(
                    $"{variant.ToCode()}/{model.Card.Version} was trained on feature schema {model.Card.SchemaHash[..12]}, but the features of {build.Quarter} have {build.SchemaHash[..12]}: retrain the model or rebuild the features.");
            }

            // The national top k lies within every part's top k, so each part keeps k; k is bounded by all rows of the quarter.
            var limit = options.Candidates(variant, build.Rows, build.Rows > 0 ? build.Rows : int.MaxValue);
            variants.Add(new LiveVariant(variant, model, Math.Max(1, limit)));
        }

        if (variants.Count == 0)
        {
            throw new InvalidOperationException($"No variant has a live model under {registry.Folder}; train one and run 'blindspot models promote'.");
        }

        return variants;
    }

    internal static Dictionary<string, string> Metadata(Quarter quarter, LiveVariant variant, int candidates, FeatureBuild build) => new(StringComparer.Ordinal)
    {
        [ScoreColumns.MetaQuarter] = quarter.ToString(),
        [ScoreColumns.MetaVariant] = variant.Variant.ToCode(),
        [ScoreColumns.MetaModelVersion] = variant.Model.Card.Version,
        [ScoreColumns.MetaModelSha256] = variant.Model.Card.ModelSha256,
        [ScoreColumns.MetaSchemaHash] = build.SchemaHash,
        [ScoreColumns.MetaCandidates] = candidates.ToString(CultureInfo.InvariantCulture),
        [ScoreColumns.MetaReasonMethod] = ScoreColumns.ReasonMethod,
    };

    /// <summary>
    /// Every part scored, in parallel, into its shard; the parts share one candidate bar per variant, so the later parts
    /// keep few candidates (a shard's candidates depend on that timing, the reduce's output never does: each shard keeps
    /// every row of its part that can be in the national top k). The row-group buffers they share are dropped before it returns.
    /// </summary>
    private static async Task ScorePartsAsync(string folder, FeatureBuild build, List<LiveVariant> variants, ScoreOptions options, CancellationToken ct)
    {
        var manifestHash = await FileHash.Sha256Async(Path.Combine(build.Folder, FeatureBuild.ManifestFileName), ct).ConfigureAwait(false);
        var parts = build.Parts;
        var names = build.Names;
        var pool = new FeatureColumnsPool();
        try
        {
            await Parallel.ForEachAsync(parts, new ParallelOptions { MaxDegreeOfParallelism = options.Workers, CancellationToken = ct }, async (part, token) =>
            {
                var scores = await PartScorer.ScoreAsync(part.Path, names, variants, options.BlockRows, token, pool).ConfigureAwait(false);
                var key = ShardKey.Compute(await FileHash.Sha256Async(part.Path, token).ConfigureAwait(false), manifestHash, variants);
                var name = ShardFiles.PartName(part);
                await ShardWriter.WriteAsync(ShardFiles.Shard(folder, name), key, name, variants, scores, token).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        finally
        {
            pool.Clear();
        }

        // Continue on a fresh thread-pool item, not inline on the stack of the part that finished last: its frames hold that
        // part's reader and row-group buffers (hundreds of MB) for as long as ranking and writing run on top of them.
        await Task.Yield();
    }

    private static void Delete(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
