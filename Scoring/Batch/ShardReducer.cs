using System.Diagnostics;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Hashing;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Runs;
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
        var manifestPath = root.RunManifest(quarter);
        try
        {
            var build = FeatureBuild.Load(root, quarter);
            var variants = ScoreJob.LiveVariants(registry, build, options);

            var inputs = await InputsAsync(root, build, variants, ct).ConfigureAwait(false);
            var manifestHash = inputs[Relative(root, Path.Combine(build.Folder, FeatureBuild.ManifestFileName))];
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

                partScores[p] = ShardReader.Read(shard, ShardKey.Compute(inputs[Relative(root, parts[p])], manifestHash, variants), variants);
            }

            var scored = new List<ScoreResult.Scored>();
            var outputs = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
            for (var v = 0; v < variants.Count; v++)
            {
                var ranked = VariantRanker.Rank(variants[v], [.. partScores.Select(p => p[v])], options, build.Rows);
                var path = root.Scores(quarter, variants[v].Variant);
                await ScoreWriter.WriteAsync(path, ranked, ScoreJob.Metadata(quarter, variants[v], ranked, build), ct).ConfigureAwait(false);
                scored.Add(new ScoreResult.Scored(variants[v].Variant, variants[v].Model.Card.Version, ranked.Rows, ranked.Candidates, path));
                outputs[Relative(root, path)] = await FileHash.Sha256Async(path, ct).ConfigureAwait(false);
                counts[variants[v].Variant.ToCode() + ".rows"] = ranked.Rows;
                counts[variants[v].Variant.ToCode() + ".candidates"] = ranked.Candidates;
                counts[variants[v].Variant.ToCode() + ".shards"] = parts.Count;
            }

            var record = new StageRecord { Stage = ScoreJob.Stage, State = StageState.Completed, Inputs = inputs, Outputs = outputs, Counts = counts, StartedAt = started, FinishedAt = clock.GetUtcNow() };
            RunManifest.LoadOrCreate(manifestPath, quarter.ToString()).With(record).Save(manifestPath);
            return new ScoreResult(scored, [.. VariantNames.All.Except(variants.Select(v => v.Variant))], Stopwatch.GetElapsedTime(stopwatch), []);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var failed = new StageRecord { Stage = ScoreJob.Stage, State = StageState.Failed, StartedAt = started, FinishedAt = clock.GetUtcNow(), Error = ex.Message };
            RunManifest.LoadOrCreate(manifestPath, quarter.ToString()).With(failed).Save(manifestPath);
            throw;
        }
    }

    // The score stage's inputs as ScoreJob records them; the part hashes also check each shard's key, so parts are hashed once.
    private static async Task<SortedDictionary<string, string>> InputsAsync(DataRoot root, FeatureBuild build, List<LiveVariant> variants, CancellationToken ct)
    {
        var inputs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in build.PartFiles.Append(Path.Combine(build.Folder, FeatureBuild.ManifestFileName)))
        {
            inputs[Relative(root, file)] = await FileHash.Sha256Async(file, ct).ConfigureAwait(false);
        }

        foreach (var variant in variants)
        {
            inputs[$"models/{variant.Variant.ToCode()}/{variant.Model.Card.Version}/model.zip"] = variant.Model.Card.ModelSha256;
        }

        return inputs;
    }

    private static string Relative(DataRoot root, string path) => Path.GetRelativePath(root.Path, path).Replace('\\', '/');
}
