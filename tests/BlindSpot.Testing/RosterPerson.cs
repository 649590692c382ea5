namespace BlindSpot.Testing;

/// <summary>One roster row as the ingestion contract writes it.</summary>
public sealed record RosterPerson(long PersonKey, long HouseholdKey, string Sigungu, int Age, bool Male = true, bool IsHead = false, string Status = "R")
{
    /// <summary>The 읍면동 code; the 시군구's first (<c>505</c>) unless given.</summary>
    public string Eupmyeondong { get; init; } = Sigungu + "505";

    public bool Disability { get; init; }

    public bool BasicLivelihood { get; init; }
}
