using BlindSpot.Core.Stages;

namespace BlindSpot.Pipeline;

/// <summary>The stages of a quarter's run, in the order they chain: the names of <see cref="StageNames"/>.</summary>
public static class PipelineStages
{
    public const string Ingest = StageNames.Ingest;
    public const string Features = StageNames.Features;
    public const string Score = StageNames.Score;
    public const string Dispatch = StageNames.Dispatch;
    public const string DiscoveryIndex = StageNames.DiscoveryIndex;
    public const string Report = StageNames.Report;

    public static IReadOnlyList<string> Order => StageNames.Order;
}
