using System.Text;
using BlindSpot.Core.Catalog;
using BlindSpot.Simulation.Deliveries;
using BlindSpot.Simulation.Randomness;
using BlindSpot.Simulation.Roster;

namespace BlindSpot.Simulation.Identity;

/// <summary>
/// Writes the restricted identity vault (<c>identity/&lt;Q&gt;/identity.csv</c>, UTF-8 with BOM): resident and household
/// number, name, address and phone of everyone on the quarter's roster. Names and phones are drawn per person and
/// addresses per household from streams that ignore the quarter, so they stay the same from quarter to quarter.
/// Children share the household head's surname.
/// </summary>
internal sealed class IdentityWriter(SimulationWorld world, QuarterSnapshot snapshot)
{
    /// <summary>The vault's columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["resident_no", "household_no", "name", "address", "phone"];

    public void Write(Stream stream)
    {
        var format = new DeliveryFormat { Encoding = FeedEncoding.Utf8Bom, Delimiter = ",", DateFormat = "yyyy-MM-dd", HeaderLanguage = HeaderLanguage.En };
        var regionNames = world.Regions.Sigungu
            .Select(s => Encoding.UTF8.GetBytes($"{world.Regions.Registry.GetSido(s.Sido).NameKo} {s.NameKo} "))
            .ToArray();
        using var writer = new CsvByteWriter(stream, ',');
        writer.Raw(DeliveryFile.Header(Columns, format));
        Span<byte> key = stackalloc byte[16];
        Span<byte> text = stackalloc byte[256];
        var people = world.People;
        foreach (var id in snapshot.Roster)
        {
            var h = people.Household[id];
            writer.BeginRow();
            world.WriteResidentNumber(key, id);
            writer.Plain(key[..14]);
            world.WriteHouseholdNumber(key, h);
            writer.Plain(key[..KeyBytes.HouseholdLength]);
            writer.Text(text[..Name(id, h, text)]);
            var address = RandomStream.For(world.Seed, RandomStreamId.Addresses, (ulong)h, 0);
            var prefix = regionNames[world.Households.Sigungu[h]];
            prefix.CopyTo(text);
            writer.Text(text[..(prefix.Length + KoreanNames.RoadAddress(ref address, text[prefix.Length..]))]);
            WritePhone(writer, id, text);
            writer.EndRow();
        }
    }

    private int Name(int id, int household, Span<byte> target)
    {
        var people = world.People;
        var familyName = people.Role[id] is HouseholdRole.Head or HouseholdRole.Child;
        var surnameRng = RandomStream.For(world.Seed, RandomStreamId.Names, familyName ? (uint)household | (1UL << 40) : (ulong)id, 0);
        var surname = KoreanNames.Surname(ref surnameRng);
        surname.CopyTo(target);
        var given = RandomStream.For(world.Seed, RandomStreamId.Names, (ulong)id, 1);
        return surname.Length + KoreanNames.GivenName(ref given, target[surname.Length..]);
    }

    /// <summary>Children under 10 have no phone of their own: the field is empty.</summary>
    private void WritePhone(CsvByteWriter writer, int id, Span<byte> text)
    {
        if (snapshot.Age[id] < 10)
        {
            writer.Empty();
            return;
        }

        var rng = RandomStream.For(world.Seed, RandomStreamId.Phones, (ulong)id, 0);
        "010-"u8.CopyTo(text);
        var middle = rng.NextInt(2000, 9999);
        var last = rng.NextInt(0, 9999);
        for (int i = 7, v = middle; i >= 4; i--, v /= 10)
        {
            text[i] = (byte)('0' + (v % 10));
        }

        text[8] = (byte)'-';
        for (int i = 12, v = last; i >= 9; i--, v /= 10)
        {
            text[i] = (byte)('0' + (v % 10));
        }

        writer.Plain(text[..13]);
    }
}
