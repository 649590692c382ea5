namespace BlindSpot.Simulation.Reporting;

/// <summary>One variant's past dispatch in one quarter and the outcomes reported back.</summary>
/// <param name="Variant">household, child or lonely_death.</param>
/// <param name="EligibleUnits">Households (household variant) or people the variant could pick.</param>
/// <param name="Rule">Picked by the rule baseline.</param>
/// <param name="Audit">Picked by the random audit sample.</param>
/// <param name="InCrisis">Dispatched units truly in crisis for the variant.</param>
/// <param name="Supported">Outcomes "supported".</param>
/// <param name="NotEligible">Outcomes "not_eligible".</param>
/// <param name="Unreachable">Outcomes "unreachable".</param>
public sealed record DispatchReport(string Variant, long EligibleUnits, long Rule, long Audit, long InCrisis, long Supported, long NotEligible, long Unreachable);
