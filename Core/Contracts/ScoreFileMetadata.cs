namespace BlindSpot.Core.Contracts;

/// <summary>
/// Key-value metadata of <c>scores/&lt;Q&gt;/&lt;variant&gt;.parquet</c> that another stage reads: Scoring writes it, Dispatch
/// reads it. One spelling, here, because two spellings once made every worklist say "model unknown".
/// </summary>
public static class ScoreFileMetadata
{
    /// <summary>The version of the model that made the scores, e.g. <c>v20261126-962ca56d</c>.</summary>
    public const string ModelVersion = "blindspot.model_version";
}
