namespace BlindSpot.Ingestion.Roster;

/// <summary>
/// The accepted roster rows as columns (never one object per person): about 50 bytes a person, so 9M people take
/// ~450 MB while they are sorted and split into the roster's buckets. Not thread-safe while filling.
/// </summary>
internal sealed class RosterTable
{
    public ChunkedColumn<long> PersonKey { get; } = new();

    public ChunkedColumn<long> HouseholdKey { get; } = new();

    public ChunkedColumn<bool> IsHead { get; } = new();

    public CodedColumn SigunguCode { get; } = new();

    public CodedColumn EupmyeondongCode { get; } = new();

    public ChunkedColumn<DateOnly> BirthDate { get; } = new();

    public ChunkedColumn<int> Age { get; } = new();

    public CodedColumn Sex { get; } = new();

    public ChunkedColumn<bool> Disability { get; } = new();

    public ChunkedColumn<bool> BasicLivelihood { get; } = new();

    public ChunkedColumn<bool> OtherBenefit { get; } = new();

    public CodedColumn Status { get; } = new();

    public ChunkedColumn<DateOnly?> StatusDate { get; } = new();

    public int Count => PersonKey.Count;

    /// <summary>Full years between <paramref name="birth"/> and <paramref name="asOf"/>.</summary>
    public static int AgeAt(DateOnly birth, DateOnly asOf)
    {
        var age = asOf.Year - birth.Year;
        return asOf < birth.AddYears(age) ? age - 1 : age;
    }

    /// <summary>Drops the row added last (a rule only the whole table can check rejected it).</summary>
    public void RemoveLast()
    {
        PersonKey.RemoveLast();
        HouseholdKey.RemoveLast();
        IsHead.RemoveLast();
        SigunguCode.RemoveLast();
        EupmyeondongCode.RemoveLast();
        BirthDate.RemoveLast();
        Age.RemoveLast();
        Sex.RemoveLast();
        Disability.RemoveLast();
        BasicLivelihood.RemoveLast();
        OtherBenefit.RemoveLast();
        Status.RemoveLast();
        StatusDate.RemoveLast();
    }
}
