using BlindSpot.Core.Keys;

namespace BlindSpot.Simulation.Roster;

/// <summary>
/// Writes resident and household numbers as ASCII bytes, without strings, for the hot loops. The resident number
/// is exactly what <see cref="ResidentNumber.Create"/> builds (a test pins the two together).
/// </summary>
internal static class KeyBytes
{
    /// <summary>Length of a household number: 5-digit 시군구 code and a 6-digit counter.</summary>
    public const int HouseholdLength = 11;

    /// <summary>Writes <c>YYMMDD-GNNNNNC</c> into 14 bytes.</summary>
    public static void WriteResidentNumber(Span<byte> target, int birthDay, bool male, int serial)
    {
        var birth = DateOnly.FromDayNumber(birthDay);
        Span<byte> digits = stackalloc byte[13];
        Two(digits, 0, birth.Year % 100);
        Two(digits, 2, birth.Month);
        Two(digits, 4, birth.Day);
        digits[6] = (byte)((birth.Year >= 2000 ? 3 : 1) + (male ? 0 : 1));
        for (int i = 11, v = serial; i >= 7; i--, v /= 10)
        {
            digits[i] = (byte)(v % 10);
        }

        digits[12] = (byte)ResidentNumber.CheckDigit(digits);
        for (int i = 0, d = 0; i < ResidentNumber.Length; i++)
        {
            target[i] = i == 6 ? (byte)'-' : (byte)('0' + digits[d++]);
        }
    }

    /// <summary>Writes the 11-digit 세대번호: the 시군구 code's five ASCII digits, then the counter.</summary>
    public static void WriteHouseholdNumber(Span<byte> target, ReadOnlySpan<byte> sigunguCode, int counter)
    {
        sigunguCode[..5].CopyTo(target);
        for (int i = HouseholdLength - 1, v = counter; i >= 5; i--, v /= 10)
        {
            target[i] = (byte)('0' + (v % 10));
        }
    }

    private static void Two(Span<byte> digits, int at, int value)
    {
        digits[at] = (byte)(value / 10);
        digits[at + 1] = (byte)(value % 10);
    }
}
