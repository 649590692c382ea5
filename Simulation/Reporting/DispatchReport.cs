namespace BlindSpot.Simulation.Reporting;

/// <summary>One variant's past dispatch in one quarter and the outcomes reported back.</summary>
/// <param name="Variant">household, child or lonely_death.</param>
/// <param name="EligibleUnits">Households (household variant) or people the variant could pick, not counting those already dispatched under an earlier variant.</param>
/// <param name="Rule">Picked by the rule baseline.</param>
/// <param name="Audit">Picked by the random audit sample.</param>
/// <param name="InCrisis">Dispatched units truly in crisis for the variant.</param>
/// <param name="Supported">Outcomes of any kind of support (supported_*).</param>
/// <param name="NotEligible">Outcomes "not_eligible".</param>
/// <param name="Unreachable">Outcomes "unreachable".</param>
/// <param name="Outcomes">Every outcome code written, with its count (zeros included), in the order of the codes.</param>
/// <param name="InCrisisPositive">Units truly in crisis whose outcome is a positive label (any support).</param>
/// <param name="InCrisisLabelled">Units truly in crisis whose outcome is a label either way (support, not eligible, already receiving).</param>
/// <param name="NotInCrisisPositive">Units not in crisis whose outcome is a positive label.</param>
/// <param name="NotInCrisisLabelled">Units not in crisis whose outcome is a label either way.</param>
public sealed record DispatchReport(
    string Variant,
    long EligibleUnits,
    long Rule,
    long Audit,
    long InCrisis,
    long Supported,
    long NotEligible,
    long Unreachable,
    IReadOnlyDictionary<string, long> Outcomes,
    long InCrisisPositive,
    long InCrisisLabelled,
    long NotInCrisisPositive,
    long NotInCrisisLabelled);
