namespace BlindSpot.Testing;

/// <summary>One roster row as the ingestion contract writes it.</summary>
public sealed record RosterPerson(long PersonKey, long HouseholdKey, string Sigungu, int Age, bool Male = true, bool IsHead = false, string Status = "R")
{
    public string Eupmyeondong => Sigungu + "505";

    public bool Disability { get; init; }

    public bool BasicLivelihood { get; init; }
}
