using System.Globalization;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Stages;
using BlindSpot.Scoring.Data;
using BlindSpot.Scoring.Registry;

namespace BlindSpot.Scoring.Batch;

/// <summary>
/// <c>blindspot score &lt;Q&gt;</c>: every variant with a live model, over its eligible people, through the fast tree
/// evaluator; writes <c>scores/&lt;Q&gt;/&lt;variant&gt;.parquet</c>. No bookkeeping: <see cref="ScoreStage"/> runs it through
/// the checkpoint. Safe to rerun: outputs are replaced atomically and the same inputs give the same bytes.
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
        var partScores = await ScorePartsAsync(build.PartFiles, build.Names, variants, options, ct).ConfigureAwait(false);
        clock.Lap("load models, read and score parts");
        var scored = await RankAndWriteAsync(root, quarter, build, variants, partScores, options, clock, ct).ConfigureAwait(false);
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

    internal static Dictionary<string, string> Metadata(Quarter quarter, LiveVariant variant, VariantScores scores, FeatureBuild build) => new(StringComparer.Ordinal)
    {
        [ScoreColumns.MetaQuarter] = quarter.ToString(),
        [ScoreColumns.MetaVariant] = variant.Variant.ToCode(),
        [ScoreColumns.MetaModelVersion] = variant.Model.Card.Version,
        [ScoreColumns.MetaModelSha256] = variant.Model.Card.ModelSha256,
        [ScoreColumns.MetaSchemaHash] = build.SchemaHash,
        [ScoreColumns.MetaCandidates] = scores.Candidates.ToString(CultureInfo.InvariantCulture),
        [ScoreColumns.MetaReasonMethod] = ScoreColumns.ReasonMethod,
    };

    /// <summary>Every part scored, in parallel; the row-group buffers they share are dropped before it returns.</summary>
    private static async Task<PartScores[][]> ScorePartsAsync(IReadOnlyList<string> parts, IReadOnlyList<string> names, List<LiveVariant> variants, ScoreOptions options, CancellationToken ct)
    {
        var partScores = new PartScores[parts.Count][];
        var pool = new FeatureColumnsPool();
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, parts.Count), new ParallelOptions { MaxDegreeOfParallelism = options.Workers, CancellationToken = ct }, async (p, token) =>
                partScores[p] = await PartScorer.ScoreAsync(parts[p], names, variants, options.BlockRows, token, pool).ConfigureAwait(false)).ConfigureAwait(false);
        }
        finally
        {
            pool.Clear();
        }

        // Continue on a fresh thread-pool item, not inline on the stack of the part that finished last: its frames hold that
        // part's reader and row-group buffers (hundreds of MB) for as long as ranking and writing run on top of them.
        await Task.Yield();
        return partScores;
    }

    /// <summary>
    /// Ranks each variant nationally from its parts' scores and writes its score file, one variant at a time, dropping its
    /// parts once merged: memory holds the parts of the variants still to rank plus one variant's national ranking.
    /// Shared by the single-process scorer and the sharded reduce, so both write the same bytes.
    /// </summary>
    internal static async Task<List<ScoreResult.Scored>> RankAndWriteAsync(
        DataRoot root, Quarter quarter, FeatureBuild build, List<LiveVariant> variants, PartScores[][] partScores, ScoreOptions options, PhaseClock clock, CancellationToken ct)
    {
        var scored = new List<ScoreResult.Scored>();
        for (var v = 0; v < variants.Count; v++)
        {
            clock.Restart();
            var ranked = VariantRanker.Rank(variants[v], [.. partScores.Select(p => p[v])], options, build.Rows);
            foreach (var part in partScores)
            {
                part[v] = null!;
            }

            var path = root.Scores(quarter, variants[v].Variant);
            await ScoreWriter.WriteAsync(path, ranked, Metadata(quarter, variants[v], ranked, build), ct).ConfigureAwait(false);
            scored.Add(new ScoreResult.Scored(variants[v].Variant, variants[v].Model.Card.Version, ranked.Rows, ranked.Candidates, path));
            clock.Lap($"rank and write {variants[v].Variant.ToCode()}");
        }

        return scored;
    }
}
