using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Scoring.Batch;
using BlindSpot.Scoring.Registry;

namespace BlindSpot.Pipeline.Stages;

/// <summary>
/// The score stage when it is sharded: the reduce over the shards the <c>shards</c> queue wrote. Same name, key and
/// outputs as the single-process score stage (<see cref="ScoreStage.FromShards"/>), so a quarter scored one way is
/// skipped by the other.
/// </summary>
internal sealed class ScoreReduce(PipelineOptions options, TimeProvider time) : IPipelineStage
{
    private readonly ScoreStage stage = ScoreStage.FromShards(new ModelRegistry(options.ResolvedModelsFolder), new ScoreOptions(), time);

    public string Name => stage.Name;

    public IReadOnlyList<StageUnit> Units(DataRoot root, Quarter quarter) => [new StageUnit(stage, quarter)];
}
