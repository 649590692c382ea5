namespace BlindSpot.Simulation.Roster;

/// <summary>
/// Hands out the five-digit serials of resident numbers so no two people share a number: two digits for the
/// 시도 index, then a counter within (시도, birth date, sex). Serials 90000 and up are never handed out, which is
/// what makes the simulator's "unknown resident number" dirt valid yet guaranteed off the roster.
/// </summary>
internal sealed class ResidentSerials
{
    /// <summary>First serial that no roster person ever gets.</summary>
    public const int FirstUnknownSerial = 90_000;

    private const int PerKey = 1000;
    private static readonly int FirstDay = new DateOnly(1900, 1, 1).DayNumber;
    private static readonly int Days = new DateOnly(2100, 1, 1).DayNumber - FirstDay;
    private readonly ushort[] next;
    private readonly int sidoCount;

    public ResidentSerials(int sidoCount)
    {
        if (sidoCount is < 1 or > 89)
        {
            throw new ArgumentOutOfRangeException(nameof(sidoCount), sidoCount, "Serials leave room for at most 89 시도.");
        }

        this.sidoCount = sidoCount;
        next = new ushort[sidoCount * 2 * Days];
    }

    public int Next(int sidoIndex, int birthDay, bool male)
    {
        var day = birthDay - FirstDay;
        if ((uint)day >= (uint)Days || (uint)sidoIndex >= (uint)sidoCount)
        {
            throw new ArgumentOutOfRangeException(nameof(birthDay), "Birth dates must lie in 1900–2099 and the 시도 index in range.");
        }

        var slot = (((sidoIndex * Days) + day) * 2) + (male ? 1 : 0);
        var counter = next[slot]++;
        return counter < PerKey
            ? (sidoIndex * PerKey) + counter
            : throw new InvalidOperationException("More than 1,000 people of one sex born on one day in one 시도: the population is too large for the serial scheme.");
    }
}
