using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Scoring.Batch;
using BlindSpot.Scoring.Registry;

namespace BlindSpot.Pipeline.Stages;

/// <summary>
/// The score stage when it is sharded: the reduce over the shards the <c>shards</c> queue wrote. Same name, checkpoint
/// key and outputs as <see cref="ScoreStage"/>, so a quarter scored one way is skipped by the other.
/// </summary>
internal sealed class ScoreReduceStage(PipelineOptions options, TimeProvider time) : IQuarterStage
{
    private readonly ScoreStage single = new(options, time);

    public string Name => single.Name;

    public Task<IReadOnlyDictionary<string, string>?> InputsAsync(DataRoot root, Quarter quarter, CancellationToken ct) => single.InputsAsync(root, quarter, ct);

    public Task RunAsync(DataRoot root, Quarter quarter, IReadOnlyDictionary<string, string>? inputs, CancellationToken ct) =>
        new ShardReducer(time).ReduceAsync(root, quarter, new ModelRegistry(options.ResolvedModelsFolder), new ScoreOptions(), ct);

    public Task<IReadOnlyDictionary<string, string>> OutputsAsync(DataRoot root, Quarter quarter, CancellationToken ct) => single.OutputsAsync(root, quarter, ct);
}
