using Parquet.Schema;

namespace BlindSpot.Simulation.Truth;

/// <summary>
/// Columns of <c>truth/&lt;Q&gt;.parquet</c>: who each roster person is, their household's five hidden severities, and
/// per variant a latent risk and whether they are truly in crisis, whether the household was supported in the previous
/// quarter's dispatch and whether it is invisible to every feed. Evaluation only; never a model input.
/// </summary>
internal static class TruthSchema
{
    public static DataField<string> ResidentNo { get; } = new("resident_no", nullable: false);

    public static DataField<string> HouseholdNo { get; } = new("household_no", nullable: false);

    /// <summary>Severity columns in <see cref="Core.Catalog.LatentDimension"/> order.</summary>
    public static IReadOnlyList<DataField<float>> Severities { get; } =
    [
        new("financial", nullable: false), new("health", nullable: false), new("isolation", nullable: false),
        new("child_neglect", nullable: false), new("housing", nullable: false),
    ];

    /// <summary>Risk columns in <see cref="Core.Catalog.VariantNames.All"/> order.</summary>
    public static IReadOnlyList<DataField<float>> Risks { get; } =
    [
        new("household_risk", nullable: false), new("child_risk", nullable: false), new("lonely_death_risk", nullable: false),
    ];

    /// <summary>In-crisis flags in <see cref="Core.Catalog.VariantNames.All"/> order.</summary>
    public static IReadOnlyList<DataField<bool>> InCrisis { get; } =
    [
        new("household_in_crisis", nullable: false), new("child_in_crisis", nullable: false), new("lonely_death_in_crisis", nullable: false),
    ];

    /// <summary>The household had a supported outcome in the previous quarter's dispatch (its severities carry the relief).</summary>
    public static DataField<bool> SupportedLastQuarter { get; } = new("supported_last_quarter", nullable: false);

    /// <summary>The household is one no institution sees: no feed record at all, whatever its crisis.</summary>
    public static DataField<bool> Invisible { get; } = new("invisible", nullable: false);

    /// <summary>Every column name, for checks that the truth never leaks into raw deliveries.</summary>
    public static IReadOnlyList<string> ColumnNames { get; } =
        [ResidentNo.Name, HouseholdNo.Name, .. Severities.Select(f => f.Name), .. Risks.Select(f => f.Name), .. InCrisis.Select(f => f.Name), SupportedLastQuarter.Name, Invisible.Name];

    public static ParquetSchema Schema { get; } =
        new([ResidentNo, HouseholdNo, .. Severities, .. Risks, .. InCrisis, SupportedLastQuarter, Invisible]);
}
