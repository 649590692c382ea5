using BlindSpot.Core.Quarters;
using BlindSpot.Core.Stages;

namespace BlindSpot.Pipeline.Stages;

/// <summary>One checkpointed unit of a pipeline stage: a library stage and the quarter it runs for. Immutable.</summary>
internal sealed record StageUnit(IQuarterStage Stage, Quarter Quarter);
