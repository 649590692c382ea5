namespace BlindSpot.Ingestion.Roster;

/// <summary>
/// Accepted roster rows as columns (never one object per person), about 50 bytes a row: a batch of rows on its way to
/// <see cref="RosterSpill"/> while the delivery is read, then one bucket's rows while they are sorted and written.
/// Not thread-safe while filling.
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

    /// <summary>Empties every column, keeping one chunk each for the next rows.</summary>
    public void Clear()
    {
        PersonKey.Clear();
        HouseholdKey.Clear();
        IsHead.Clear();
        SigunguCode.Clear();
        EupmyeondongCode.Clear();
        BirthDate.Clear();
        Age.Clear();
        Sex.Clear();
        Disability.Clear();
        BasicLivelihood.Clear();
        OtherBenefit.Clear();
        Status.Clear();
        StatusDate.Clear();
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
