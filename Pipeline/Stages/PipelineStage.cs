using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Stages;

namespace BlindSpot.Pipeline.Stages;

/// <summary>A pipeline stage that is one library stage for the quarter itself.</summary>
internal sealed class PipelineStage(IQuarterStage stage) : IPipelineStage
{
    public string Name => stage.Name;

    public IReadOnlyList<StageUnit> Units(DataRoot root, Quarter quarter) => [new StageUnit(stage, quarter)];
}
