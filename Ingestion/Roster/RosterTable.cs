namespace BlindSpot.Ingestion.Roster;

/// <summary>
/// The accepted roster rows as columns (never one object per person): ~60 bytes a person, so 9M people fit in
/// ~600 MB while they are sorted for <c>roster/&lt;Q&gt;.parquet</c>. Not thread-safe.
/// </summary>
internal sealed class RosterTable
{
    public List<long> PersonKey { get; } = [];

    public List<long> HouseholdKey { get; } = [];

    public List<bool> IsHead { get; } = [];

    public List<string> SigunguCode { get; } = [];

    public List<string> EupmyeondongCode { get; } = [];

    public List<DateOnly> BirthDate { get; } = [];

    public List<int> Age { get; } = [];

    public List<string> Sex { get; } = [];

    public List<bool> Disability { get; } = [];

    public List<bool> BasicLivelihood { get; } = [];

    public List<bool> OtherBenefit { get; } = [];

    public List<string> Status { get; } = [];

    public List<DateOnly?> StatusDate { get; } = [];

    public int Count => PersonKey.Count;

    /// <summary>Full years between <paramref name="birth"/> and <paramref name="asOf"/>.</summary>
    public static int AgeAt(DateOnly birth, DateOnly asOf)
    {
        var age = asOf.Year - birth.Year;
        return asOf < birth.AddYears(age) ? age - 1 : age;
    }
}
