namespace BlindSpot.Pipeline;

/// <summary>The stages of a quarter's run, in the order they chain.</summary>
public static class PipelineStages
{
    public const string Ingest = "ingest";
    public const string Features = "features";
    public const string Score = "score";
    public const string Dispatch = "dispatch";
    public const string Report = "report";

    public static IReadOnlyList<string> Order { get; } = [Ingest, Features, Score, Dispatch, Report];
}
