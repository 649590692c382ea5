namespace BlindSpot.Core.Catalog;

/// <summary>The language of a delivery's header row.</summary>
public enum HeaderLanguage
{
    /// <summary>Korean column names (e.g. 주민등록번호).</summary>
    Ko,

    /// <summary>English column names (e.g. resident_no).</summary>
    En,
}
