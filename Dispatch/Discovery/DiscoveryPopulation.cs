using BlindSpot.Core.Keys;

namespace BlindSpot.Dispatch.Discovery;

/// <summary>
/// One household bucket of the quarter's roster as the own-discovery index needs it, in the bucket's order (시군구,
/// household, person), as dense columns, with what the lake, the scores and the register add to each person. Filled by
/// <see cref="DiscoveryInputs"/>, one bucket at a time.
/// </summary>
internal sealed class DiscoveryPopulation
{
    public DiscoveryPopulation(int people, int variants)
    {
        PersonKeys = new long[people];
        HouseholdKeys = new long[people];
        Sigungu = new int[people];
        Eupmyeondong = new string[people];
        Age = new int[people];
        Sex = new char[people];
        Resident = new bool[people];
        Disability = new bool[people];
        Traits = new HouseholdTraits[people];
        HouseholdSize = new byte[people];
        Feeds = new ulong[people];
        Records = new ushort[people];
        Dispatched = new bool[people];
        Grades = [.. Enumerable.Range(0, variants).Select(_ => new DiscoveryGrade[people])];
        SigunguRanks = [.. Enumerable.Range(0, variants).Select(_ => new int[people])];
        PersonIndex = new KeyIndex(people);
        HouseholdStart = new KeyIndex(people);
    }

    public int People => PersonKeys.Length;

    public long[] PersonKeys { get; }

    public long[] HouseholdKeys { get; }

    public int[] Sigungu { get; }

    /// <summary>The 읍면동 code per person (one string per distinct code, shared).</summary>
    public string[] Eupmyeondong { get; }

    public int[] Age { get; }

    public char[] Sex { get; }

    /// <summary>Status R (resident): the only people an officer can visit.</summary>
    public bool[] Resident { get; }

    public bool[] Disability { get; }

    public HouseholdTraits[] Traits { get; }

    public byte[] HouseholdSize { get; }

    public ulong[] Feeds { get; }

    public ushort[] Records { get; }

    /// <summary>On the quarter's register: a worklist entry, or a member of a household dispatched as a household.</summary>
    public bool[] Dispatched { get; }

    public DiscoveryGrade[][] Grades { get; }

    public int[][] SigunguRanks { get; }

    /// <summary>Person key → roster row.</summary>
    public KeyIndex PersonIndex { get; }

    /// <summary>Household key → the household's first roster row (members are consecutive).</summary>
    public KeyIndex HouseholdStart { get; }

    /// <summary>The rows of the household that starts at <paramref name="start"/>.</summary>
    public (int Start, int End) Household(int start)
    {
        var end = start;
        while (end < People && HouseholdKeys[end] == HouseholdKeys[start])
        {
            end++;
        }

        return (start, end);
    }

    /// <summary>A resident with at least one record this quarter who was not dispatched: a row of the index.</summary>
    public bool IsCandidate(int row) => Resident[row] && Feeds[row] != 0 && !Dispatched[row];
}
