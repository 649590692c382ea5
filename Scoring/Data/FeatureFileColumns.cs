using BlindSpot.Core.Catalog;

namespace BlindSpot.Scoring.Data;

/// <summary>
/// The identity columns of <c>features/&lt;Q&gt;/bucket=NNN/part-0.parquet</c> as docs/FEATURES.md states them. Spelled here, not
/// borrowed from Features, because stages never reference each other: the files and the manifest are the contract.
/// </summary>
internal static class FeatureFileColumns
{
    public const string PersonKey = Core.Contracts.KeyColumns.PersonKey;
    public const string HouseholdKey = Core.Contracts.KeyColumns.HouseholdKey;
    public const string SidoCode = Core.Contracts.KeyColumns.SidoCode;
    public const string SigunguCode = Core.Contracts.KeyColumns.SigunguCode;

    /// <summary>The boolean column saying whether a person belongs to <paramref name="variant"/>'s population.</summary>
    public static string Eligible(Variant variant) => "eligible_" + variant.ToCode();
}
