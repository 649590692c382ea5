namespace BlindSpot.Scoring.Tests.TestSupport;

/// <summary>One synthetic person of one quarter: identity, eligibility, features in <see cref="SyntheticLake.Features"/> order, and the hidden risk. The person key is the sample pseudonym of the resident number, as ingestion would make it.</summary>
internal sealed record SyntheticPerson(string ResidentNo, long PersonKey, long HouseholdKey, string Sido, string Sigungu, bool[] Eligible, float[] Features, double Risk);
