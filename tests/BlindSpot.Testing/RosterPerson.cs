namespace BlindSpot.Testing;

/// <summary>One roster row as the ingestion contract writes it.</summary>
public sealed record RosterPerson(long PersonKey, long HouseholdKey, string Sigungu, int Age, bool Male = true, bool IsHead = false, string Status = "R")
{
    /// <summary>The 읍면동 code: <see cref="EupmyeondongCode"/> when given, else the 시군구's first (its code and 505).</summary>
    public string Eupmyeondong => EupmyeondongCode ?? Sigungu + "505";

    /// <summary>A 읍면동 other than the 시군구's first; null for the first.</summary>
    public string? EupmyeondongCode { get; init; }

    public bool Disability { get; init; }

    public bool BasicLivelihood { get; init; }
}
