namespace BlindSpot.Simulation.Roster;

/// <summary>Age in completed years, the way resident registration counts it (만 나이).</summary>
internal static class Ages
{
    public static int At(int birthDay, DateOnly asOf)
    {
        var birth = DateOnly.FromDayNumber(birthDay);
        var age = asOf.Year - birth.Year;
        return asOf.Month < birth.Month || (asOf.Month == birth.Month && asOf.Day < birth.Day) ? age - 1 : age;
    }
}
