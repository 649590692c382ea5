namespace BlindSpot.Simulation.Reporting;

/// <summary>The hidden truth of one quarter in numbers, for calibration.</summary>
/// <param name="HouseholdsWithSevereCrisis">Households with some severity above 0.5.</param>
/// <param name="HouseholdInCrisis">People in crisis for the household variant.</param>
/// <param name="ChildInCrisis">Children in crisis for the child variant.</param>
/// <param name="LonelyDeathInCrisis">People in crisis for the lonely-death variant.</param>
public sealed record TruthCounts(long HouseholdsWithSevereCrisis, long HouseholdInCrisis, long ChildInCrisis, long LonelyDeathInCrisis);
