namespace BlindSpot.Core.Contracts;

/// <summary>
/// The models folder: <c>&lt;variant&gt;/live.json</c> (which version scores) and one folder per version holding
/// <c>model.zip</c>, <c>model-card.json</c> and <c>evaluation/&lt;Q&gt;/</c> reports. Scoring's registry writes and reads
/// it; the portal lists it for analysts; the score stage records a live model as <c>models/&lt;variant&gt;/&lt;version&gt;/model.zip</c>.
/// One spelling, here, so a change of the layout breaks every reader at compile time, not the portal at run time.
/// </summary>
public static class ModelLayout
{
    /// <summary>The models folder's name when it sits in a repository or a data root.</summary>
    public const string Folder = "models";

    /// <summary>The trained model of a version.</summary>
    public const string Model = "model.zip";

    /// <summary>The model card of a version: schema hash, features, metrics, the model's SHA-256.</summary>
    public const string Card = "model-card.json";

    /// <summary><c>&lt;variant&gt;/live.json</c>: which version scores.</summary>
    public const string Live = "live.json";

    /// <summary>The JSON property of <see cref="Live"/> naming the live version.</summary>
    public const string LiveVersionProperty = "version";

    /// <summary>A version's evaluation reports, one folder per quarter.</summary>
    public const string EvaluationFolder = "evaluation";

    public static string VariantFolder(string models, string variant) => Path.Combine(models, variant);

    public static string VersionFolder(string models, string variant, string version) => Path.Combine(models, variant, version);

    public static string LivePath(string models, string variant) => Path.Combine(models, variant, Live);

    public static string CardPath(string versionFolder) => Path.Combine(versionFolder, Card);

    public static string Evaluations(string versionFolder) => Path.Combine(versionFolder, EvaluationFolder);
}
