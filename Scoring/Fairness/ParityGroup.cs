namespace BlindSpot.Scoring.Fairness;

/// <summary>
/// One group of one dimension (e.g. 시도 11, age band 65+) for one variant's dispatched list against the truth: the
/// confusion counts over the group's eligible people (listed = predicted positive), the four rates, each rate's ratio to
/// the reference group's (Aequitas' disparity), and the rates whose ratio leaves the band. A rate or ratio is null
/// when the group (or the reference) has too few people behind its denominator to judge (<see cref="ParityOptions.MinimumCount"/>).
/// </summary>
public sealed record ParityGroup(
    string Variant,
    string Dimension,
    string Group,
    bool Reference,
    int Eligible,
    int Listed,
    int InCrisis,
    int TruePositives,
    double? Precision,
    double? Recall,
    double? FalseDiscoveryRate,
    double? FalseOmissionRate,
    double? PrecisionRatio,
    double? RecallRatio,
    double? FalseDiscoveryRatio,
    double? FalseOmissionRatio,
    IReadOnlyList<string> Flags);
