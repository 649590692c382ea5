namespace BlindSpot.Scoring.Batch;

/// <summary>
/// The columns of <c>scores/&lt;Q&gt;/&lt;variant&gt;.parquet</c>, the contract Dispatch reads. Rows are in national-rank
/// order; reasons are filled for the top candidates only (null below them).
/// </summary>
internal static class ScoreColumns
{
    public const string PersonKey = Core.Contracts.KeyColumns.PersonKey;
    public const string HouseholdKey = Core.Contracts.KeyColumns.HouseholdKey;
    public const string SigunguCode = Core.Contracts.KeyColumns.SigunguCode;

    /// <summary>P(supported if visited): the Platt-calibrated probability fitted on the visited, labelled people (FLOAT).</summary>
    public const string Score = "score";

    /// <summary>The ensemble's raw score before calibration (FLOAT); the space reasons' contributions are in.</summary>
    public const string RawScore = "raw_score";

    /// <summary>1 = highest score in the country; ties broken by the smaller person key (INT32).</summary>
    public const string NationalRank = "national_rank";

    /// <summary>1 = highest score within the person's 시군구, same tie rule (INT32).</summary>
    public const string SigunguRank = "sigungu_rank";

    /// <summary><c>reason_1</c>..<c>reason_3</c>: feature names (UTF8, nullable).</summary>
    public static string Reason(int n) => $"reason_{n}";

    /// <summary><c>reason_value_1</c>..<c>reason_value_3</c>: the person's value of that feature (FLOAT, nullable).</summary>
    public static string ReasonValue(int n) => $"reason_value_{n}";

    /// <summary>Key-value metadata keys of the file.</summary>
    public const string MetaModelVersion = Core.Contracts.ScoreFileMetadata.ModelVersion;
    public const string MetaModelSha256 = "blindspot.model_sha256";
    public const string MetaSchemaHash = "blindspot.schema_hash";
    public const string MetaQuarter = "blindspot.quarter";
    public const string MetaVariant = "blindspot.variant";
    public const string MetaCandidates = "blindspot.candidates";
    public const string MetaReasonMethod = "blindspot.reason_method";

    public const string ReasonMethod = "path contributions from the scorer's own tree walk (per split: leaf reached minus leaf had the split gone the other way, ML.NET's rule), raw score space, positive and present features only, feed features first";
}
