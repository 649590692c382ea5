namespace BlindSpot.Simulation.Roster;

/// <summary>
/// Everyone the simulation has ever created, as parallel arrays indexed by a stable person id (columns, not objects,
/// so 9 million people take about 150 MB). Newcomers are appended; people who leave keep their id.
/// </summary>
internal sealed class People
{
    public People(int capacity)
    {
        BirthDay = new int[capacity];
        Household = new int[capacity];
        Serial = new int[capacity];
        Traits = new PersonTraits[capacity];
        Role = new HouseholdRole[capacity];
        Status = new PersonStatus[capacity];
        StatusDay = new int[capacity];
    }

    public int Count { get; private set; }

    /// <summary><see cref="DateOnly.DayNumber"/> of the birth date.</summary>
    public int[] BirthDay { get; private set; }

    public int[] Household { get; private set; }

    /// <summary>The five-digit serial of the resident number (see <see cref="ResidentSerials"/>).</summary>
    public int[] Serial { get; private set; }

    public PersonTraits[] Traits { get; private set; }

    public HouseholdRole[] Role { get; private set; }

    public PersonStatus[] Status { get; private set; }

    /// <summary>Day number of death or move-out; meaningful only for those statuses.</summary>
    public int[] StatusDay { get; private set; }

    public int Add(int birthDay, int household, PersonTraits traits, HouseholdRole role)
    {
        if (Count == BirthDay.Length)
        {
            Grow();
        }

        var id = Count++;
        BirthDay[id] = birthDay;
        Household[id] = household;
        Traits[id] = traits;
        Role[id] = role;
        Status[id] = PersonStatus.Resident;
        return id;
    }

    public bool IsMale(int id) => (Traits[id] & PersonTraits.Male) != 0;

    private void Grow()
    {
        var size = Math.Max(16, BirthDay.Length + (BirthDay.Length / 4));
        BirthDay = Resize(BirthDay, size);
        Household = Resize(Household, size);
        Serial = Resize(Serial, size);
        Traits = Resize(Traits, size);
        Role = Resize(Role, size);
        Status = Resize(Status, size);
        StatusDay = Resize(StatusDay, size);
    }

    private static T[] Resize<T>(T[] array, int size)
    {
        Array.Resize(ref array, size);
        return array;
    }
}
