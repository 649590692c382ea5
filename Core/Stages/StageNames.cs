namespace BlindSpot.Core.Stages;

/// <summary>The stages of a quarter's run, by their name in the run manifest, in the order they chain. The one list.</summary>
public static class StageNames
{
    public const string Ingest = "ingest";
    public const string Features = "features";
    public const string Score = "score";
    public const string Dispatch = "dispatch";
    public const string DiscoveryIndex = "discovery-index";
    public const string Report = "report";

    /// <summary>Every stage, in the order a quarter's run chains them.</summary>
    public static IReadOnlyList<string> Order { get; } = [Ingest, Features, Score, Dispatch, DiscoveryIndex, Report];

    /// <summary>The stages before <paramref name="stage"/> in <see cref="Order"/>.</summary>
    public static IReadOnlyList<string> Before(string stage) => [.. Order.TakeWhile(s => s != stage)];
}
