namespace BlindSpot.Scoring.Data;

/// <summary>The words of the labels contract: outcome and selected_by values, and the column names.</summary>
internal static class LabelValues
{
    public const string PersonKey = Core.Contracts.LabelColumns.PersonKey;
    public const string Variant = Core.Contracts.LabelColumns.Variant;
    public const string Outcome = Core.Contracts.LabelColumns.Outcome;
    public const string OutcomeDate = Core.Contracts.LabelColumns.OutcomeDate;
    public const string SelectedBy = Core.Contracts.LabelColumns.SelectedBy;
    public const string SigunguCode = Core.Contracts.LabelColumns.SigunguCode;

    /// <summary>Found in crisis and given support: a positive.</summary>
    public const string Supported = "supported";

    /// <summary>Visited and found not to need support: a negative.</summary>
    public const string NotEligible = "not_eligible";

    /// <summary>Could not be reached: no label, excluded and counted.</summary>
    public const string Unreachable = "unreachable";

    /// <summary>Picked by the random audit sample: the only labels not biased by who was chosen.</summary>
    public const string Audit = "audit";
}
