namespace BlindSpot.Simulation.Reporting;

/// <summary>
/// How the households supported in the previous quarter's dispatch stand now. Compare the same quarter of a run with
/// <see cref="SimulationOptions.InterventionEffect"/> 0 (the counterfactual: same seed, support changes nothing) to
/// measure the impact; the first dispatch quarter's households are the same in both runs.
/// </summary>
/// <param name="SupportedHouseholds">Households with a supported outcome in the previous quarter, still on the roster.</param>
/// <param name="MeanMaxSeverity">Their mean largest severity this quarter.</param>
/// <param name="StillSevere">How many of them still have some severity of 0.5 or more.</param>
/// <param name="Effect">The <see cref="SimulationOptions.InterventionEffect"/> the run used.</param>
public sealed record InterventionReport(long SupportedHouseholds, double MeanMaxSeverity, long StillSevere, double Effect);
