namespace BlindSpot.Core.Contracts;

/// <summary>The columns of <c>labels/&lt;Q&gt;.parquet</c>: Dispatch's outcome import writes them, Scoring's training and Dispatch's look-back read them.</summary>
public static class LabelColumns
{
    public const string PersonKey = KeyColumns.PersonKey;
    public const string Variant = "variant";
    public const string Outcome = "outcome";
    public const string OutcomeDate = "outcome_date";
    public const string SelectedBy = "selected_by";
    public const string SigunguCode = KeyColumns.SigunguCode;
}
