namespace BlindSpot.Features.Roster;

/// <summary>
/// The quarter's roster as dense columns, one entry per person in roster order (sorted by 시군구, household, person),
/// plus the household each person belongs to as a dense household index. Built once by <see cref="RosterReader"/>.
/// </summary>
internal sealed class RosterTable
{
    public required long[] PersonKeys { get; init; }

    public required long[] HouseholdKeys { get; init; }

    /// <summary>Dense household index per person; members of a household are consecutive.</summary>
    public required int[] Household { get; init; }

    /// <summary>First person index of each household, plus one past the end: members of h are HouseholdStart[h]..HouseholdStart[h+1]−1.</summary>
    public required int[] HouseholdStart { get; init; }

    public required int[] Sigungu { get; init; }

    public required int[] Eupmyeondong { get; init; }

    public required byte[] Age { get; init; }

    public required bool[] Male { get; init; }

    public required bool[] IsHead { get; init; }

    public required bool[] Disability { get; init; }

    public required bool[] BasicLivelihood { get; init; }

    public required bool[] OtherBenefit { get; init; }

    /// <summary>R (resident), M (moved out) or D (deceased), as the roster says.</summary>
    public required char[] Status { get; init; }

    public int People => PersonKeys.Length;

    public int Households => HouseholdStart.Length - 1;

    public int HouseholdSize(int household) => HouseholdStart[household + 1] - HouseholdStart[household];
}
