using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Scoring.Batch;
using BlindSpot.Scoring.Registry;

namespace BlindSpot.Pipeline.Stages;

/// <summary>
/// The score stage as bucket jobs: one shard per features bucket (<see cref="ShardScorer"/>: the bucket's scores and its
/// local top candidates, skipped when its key is unchanged), then the exact national ranking from the shards
/// (<see cref="ScoreStage.FromShards"/>), so a quarter scored one way is skipped by the other.
/// </summary>
internal sealed class ScoreBuckets(PipelineOptions options, TimeProvider time) : IBucketedStage
{
    public string Name => Core.Stages.StageNames.Score;

    public IPipelineStage Reduce => new PipelineStage(ScoreStage.FromShards(new ModelRegistry(options.ResolvedModelsFolder), new ScoreOptions(), time));

    public IReadOnlyList<string> Parts(DataRoot root, Quarter quarter) => ShardFiles.Parts(root, quarter);

    public Task RunPartAsync(DataRoot root, Quarter quarter, string part, CancellationToken ct) =>
        ShardScorer.ScoreAsync(root, quarter, part, new ModelRegistry(options.ResolvedModelsFolder), new ScoreOptions(), ct);
}
