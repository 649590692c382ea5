using System.Text;
using BlindSpot.Core.Keys;
using BlindSpot.Simulation.Roster;

namespace BlindSpot.Simulation.Tests.Roster;

public sealed class KeyBytesTests
{
    // The fast writer must give exactly what Core's ResidentNumber.Create gives, for both centuries and sexes.
    [TestCase(1931, 2, 28, true, 0)]
    [TestCase(1999, 12, 31, false, 16_999)]
    [TestCase(2000, 1, 1, true, 12_345)]
    [TestCase(2026, 9, 30, false, 99_999)]
    public void WriteResidentNumber_MatchesResidentNumberCreate(int year, int month, int day, bool male, int serial)
    {
        var birth = new DateOnly(year, month, day);
        var bytes = new byte[ResidentNumber.Length];

        KeyBytes.WriteResidentNumber(bytes, birth.DayNumber, male, serial);

        Assert.That(Encoding.ASCII.GetString(bytes), Is.EqualTo(ResidentNumber.Create(birth, male, serial)));
    }

    [Test]
    public void WriteHouseholdNumber_IsSigunguCodeThenSixDigitCounter()
    {
        var bytes = new byte[KeyBytes.HouseholdLength];

        KeyBytes.WriteHouseholdNumber(bytes, "11110"u8, 42);

        Assert.That(Encoding.ASCII.GetString(bytes), Is.EqualTo("11110000042"));
    }
}
