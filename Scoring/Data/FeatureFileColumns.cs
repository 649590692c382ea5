using BlindSpot.Core.Catalog;

namespace BlindSpot.Scoring.Data;

/// <summary>
/// The identity columns of <c>features/&lt;Q&gt;/part-NNN.parquet</c> as docs/FEATURES.md states them. Spelled here, not
/// borrowed from Features, because stages never reference each other: the files and the manifest are the contract.
/// </summary>
internal static class FeatureFileColumns
{
    public const string PersonKey = "person_key";
    public const string HouseholdKey = "household_key";
    public const string SidoCode = "sido_code";
    public const string SigunguCode = "sigungu_code";

    /// <summary>The boolean column saying whether a person belongs to <paramref name="variant"/>'s population.</summary>
    public static string Eligible(Variant variant) => "eligible_" + variant.ToCode();
}
