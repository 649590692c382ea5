namespace BlindSpot.Portal.Cases;

/// <summary>Why a case change was refused: an audit code and the Korean message the officer reads.</summary>
public sealed record CaseChangeRefusal(string Outcome, string Message);
