namespace BlindSpot.Scoring.Models;

/// <summary>File names inside a model version folder and a variant folder.</summary>
internal static class ModelFiles
{
    public const string Model = "model.zip";

    /// <summary><c>models/&lt;variant&gt;/live.json</c>: which version scores.</summary>
    public const string Live = "live.json";

    public const string EvaluationFolder = "evaluation";
}
