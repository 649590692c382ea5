namespace BlindSpot.Scoring.Tests.TestSupport;

/// <summary>One synthetic person of one quarter: identity, eligibility, features in <see cref="SyntheticLake.Features"/> order, and the hidden risk.</summary>
internal sealed record SyntheticPerson(long PersonKey, long HouseholdKey, string Sido, string Sigungu, bool[] Eligible, float[] Features, double Risk);
