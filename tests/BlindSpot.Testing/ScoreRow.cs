namespace BlindSpot.Testing;

/// <summary>One row of a scores file: a person, their score, and up to three reason codes with values.</summary>
public sealed record ScoreRow(long PersonKey, long HouseholdKey, string Sigungu, float Score)
{
    public IReadOnlyList<(string Feature, float Value)> Reasons { get; init; } = [];
}
