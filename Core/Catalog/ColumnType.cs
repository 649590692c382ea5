namespace BlindSpot.Core.Catalog;

/// <summary>The type a delivered column must parse as, and the Parquet type it becomes in the lake.</summary>
public enum ColumnType
{
    /// <summary>YYMMDD-GNNNNNC with a valid check digit; never written to the lake (replaced by a PersonKey).</summary>
    ResidentNumber,

    /// <summary>The 세대번호 of a household; never written to the lake (replaced by a HouseholdKey).</summary>
    HouseholdNumber,

    /// <summary>A calendar date in the feed's declared date format; DATE in Parquet.</summary>
    Date,

    /// <summary>A 32-bit integer within [min, max].</summary>
    Int,

    /// <summary>A 64-bit integer within [min, max] (money in won).</summary>
    Long,

    /// <summary>A decimal number within [min, max].</summary>
    Double,

    /// <summary>One of the catalog's listed codes.</summary>
    Code,

    /// <summary>Free text, optionally matching a pattern.</summary>
    String,
}
