using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Stages;

namespace BlindSpot.Pipeline.Stages;

/// <summary>
/// One link of the quarter's chain as <see cref="Checkpoints.StageRunner"/> drives it: the stage library's
/// <see cref="IQuarterStage"/> units to run through the checkpoint, in order. Most stages are one unit; ingest is two
/// when the quarter before was delivered (it ingests Q-1 first, for the change features and the volume checks).
/// Partitioning (issue 17) makes a stage many units, one per bucket.
/// </summary>
internal interface IPipelineStage
{
    /// <summary>The stage's name, one of <see cref="StageNames"/>.</summary>
    string Name { get; }

    /// <summary>The units of <paramref name="quarter"/>, each with the quarter whose run manifest records it.</summary>
    IReadOnlyList<StageUnit> Units(DataRoot root, Quarter quarter);
}
