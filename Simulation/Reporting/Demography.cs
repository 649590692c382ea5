namespace BlindSpot.Simulation.Reporting;

/// <summary>How the population changed during one quarter.</summary>
/// <param name="Died">People listed with status D this quarter.</param>
/// <param name="MovedOut">People listed with status M this quarter.</param>
/// <param name="Born">Newborns registered into existing households.</param>
/// <param name="MovedIn">People of new households that moved in, keeping the resident count at the asked size.</param>
public sealed record Demography(int Died, int MovedOut, int Born, int MovedIn);
