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

    /// <summary>Already receiving the support a visit could give: a negative (nothing left to discover).</summary>
    public const string AlreadyReceiving = "already_receiving";

    /// <summary>
    /// Every outcome a labels file may hold, as Dispatch's <c>OutcomeCode</c> writes them (Scoring may not reference
    /// Dispatch, so the words are repeated here; a test holds the two lists equal).
    /// </summary>
    public static IReadOnlyList<string> Outcomes { get; } =
    [
        Supported, "supported_livelihood", "supported_emergency", "supported_service", "supported_private", "supported_protection",
        NotEligible, AlreadyReceiving, "refused", Unreachable, "moved", "other",
    ];

    /// <summary>
    /// The training label of an outcome, the same for every variant (docs/SIMULATION.md, "Outcomes"): true for any kind of
    /// support, false for not eligible or already receiving, null (no label, excluded and counted) for unreachable,
    /// refused, moved and other. Throws on a word that is not an outcome.
    /// </summary>
    public static bool? Label(string outcome) => outcome switch
    {
        Supported => true,
        _ when outcome.StartsWith(Supported + "_", StringComparison.Ordinal) && Outcomes.Contains(outcome) => true,
        NotEligible or AlreadyReceiving => false,
        _ when Outcomes.Contains(outcome) => null,
        _ => throw new InvalidDataException($"'{outcome}' is not an outcome; expected one of {string.Join(", ", Outcomes)}."),
    };

    /// <summary>Picked by the random audit sample: the only labels not biased by who was chosen.</summary>
    public const string Audit = "audit";
}
