using BlindSpot.Core.Hashing;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Scoring.Data;
using BlindSpot.Scoring.Registry;

namespace BlindSpot.Scoring.Batch;

/// <summary>
/// Scores one features part (one household bucket) for every live variant and keeps the result in its shard file, for the scale-out
/// path: shards run as separate jobs, anywhere the data root is shared, and <see cref="ShardReducer"/> joins them. A shard
/// whose file was written with the same key (part, feature manifest, live models, candidate limits) is not scored again.
/// Writes nothing to the run manifest: shards run at once, and only the reduce records the stage.
/// </summary>
public static class ShardScorer
{
    /// <summary>Scores <paramref name="part"/> (<c>bucket=NNN</c>); returns false when its shard was already current.</summary>
    public static async Task<bool> ScoreAsync(DataRoot root, Quarter quarter, string part, ModelRegistry registry, ScoreOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var build = FeatureBuild.Load(root, quarter);
        var file = build.Parts.SingleOrDefault(f => ShardFiles.PartName(f) == part)?.Path
            ?? throw new FileNotFoundException($"{build.Folder}: no features part '{part}' for {quarter}; the parts are {string.Join(", ", build.Parts.Select(ShardFiles.PartName))}.");
        var variants = ScoreJob.LiveVariants(registry, build, options);

        var manifest = Path.Combine(build.Folder, FeatureBuild.ManifestFileName);
        var key = ShardKey.Compute(await FileHash.Sha256Async(file, ct).ConfigureAwait(false), await FileHash.Sha256Async(manifest, ct).ConfigureAwait(false), variants);
        var path = ShardFiles.Shard(root, quarter, part);
        if (ShardReader.ReadKey(path) == key)
        {
            return false;
        }

        var scores = await PartScorer.ScoreAsync(file, build.Names, variants, options.BlockRows, ct).ConfigureAwait(false);
        await ShardWriter.WriteAsync(path, key, part, variants, scores, ct).ConfigureAwait(false);
        return true;
    }
}
