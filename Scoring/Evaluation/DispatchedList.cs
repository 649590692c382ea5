namespace BlindSpot.Scoring.Evaluation;

/// <summary>
/// One variant's simulated worklist under one ranking method, against the simulator's truth: how many were listed, how
/// many truly in crisis (precision, with its 95 % Wilson interval), what share of the variant's eligible people in crisis
/// the list reached (recall, likewise), and precision over the first quarter, half and all of the list.
/// </summary>
public sealed record DispatchedList(
    string Variant,
    string Method,
    int Listed,
    int InCrisis,
    int EligibleInCrisis,
    double Precision,
    double PrecisionLow,
    double PrecisionHigh,
    double Recall,
    double RecallLow,
    double RecallHigh,
    IReadOnlyList<PrecisionAt> PrecisionAtK);
