namespace BlindSpot.Scoring.Data;

/// <summary>One reported outcome from <c>labels/&lt;Q&gt;.parquet</c>: who, for which variant, what was found, and why they were visited.</summary>
internal sealed record LabelRow(long PersonKey, string Variant, string Outcome, string SelectedBy);
