using BlindSpot.Core.Contracts;

namespace BlindSpot.Scoring.Models;

/// <summary>File names inside a model version folder and a variant folder: <see cref="ModelLayout"/>'s, for Scoring's code.</summary>
internal static class ModelFiles
{
    public const string Folder = ModelLayout.Folder;

    public const string Model = ModelLayout.Model;

    /// <summary><c>models/&lt;variant&gt;/live.json</c>: which version scores.</summary>
    public const string Live = ModelLayout.Live;

    public const string EvaluationFolder = ModelLayout.EvaluationFolder;
}
