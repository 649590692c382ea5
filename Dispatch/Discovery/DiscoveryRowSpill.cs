using System.Text;
using BlindSpot.Dispatch.Identity;

namespace BlindSpot.Dispatch.Discovery;

/// <summary>
/// A 시군구's candidates between the bucket passes and its index file: each bucket appends its candidates of the 시군구
/// (everything the index holds but the identity), so the file holds them bucket after bucket, which is the roster's
/// order within a 시군구. Read back one 시군구 at a time, joined with its identities.
/// </summary>
internal static class DiscoveryRowSpill
{
    public static void Append(BinaryWriter writer, DiscoveryPopulation p, int row)
    {
        writer.Write(p.PersonKeys[row]);
        writer.Write(p.HouseholdKeys[row]);
        writer.Write(p.Eupmyeondong[row]);
        writer.Write(p.Age[row]);
        writer.Write((ushort)p.Sex[row]);
        writer.Write((byte)p.Traits[row]);
        writer.Write(p.HouseholdSize[row]);
        writer.Write(p.Feeds[row]);
        writer.Write(p.Records[row]);
        for (var v = 0; v < p.Grades.Length; v++)
        {
            writer.Write((byte)p.Grades[v][row]);
            writer.Write(p.SigunguRanks[v][row]);
        }
    }

    /// <summary>The spilled people of <paramref name="path"/> in order (none when there is no file), each with the identity <paramref name="identity"/> finds for their key.</summary>
    public static IEnumerable<DiscoveryPerson> Read(string path, int variants, Func<long, IdentityRecord?> identity)
    {
        if (!File.Exists(path))
        {
            yield break;
        }

        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        while (reader.BaseStream.Position < reader.BaseStream.Length)
        {
            var (person, household) = (reader.ReadInt64(), reader.ReadInt64());
            var emd = reader.ReadString();
            var (age, sex, traits, size, feeds, records) = (reader.ReadInt32(), (char)reader.ReadUInt16(), (HouseholdTraits)reader.ReadByte(), reader.ReadByte(), reader.ReadUInt64(), reader.ReadUInt16());
            var grades = new DiscoveryGrade[variants];
            var ranks = new int[variants];
            for (var v = 0; v < variants; v++)
            {
                grades[v] = (DiscoveryGrade)reader.ReadByte();
                ranks[v] = reader.ReadInt32();
            }

            var id = identity(person);
            yield return new DiscoveryPerson
            {
                PersonKey = person,
                HouseholdKey = household,
                Eupmyeondong = codes.TryGetValue(emd, out var shared) ? shared : codes[emd] = emd,
                Age = age,
                Sex = sex,
                Traits = traits,
                HouseholdSize = size,
                Feeds = feeds,
                Records = records,
                Grades = grades,
                SigunguRanks = ranks,
                Name = id?.Name ?? "(신원정보 없음)",
                MaskedResidentNumber = "",
                FullResidentNumber = id?.ResidentNumber ?? "",
                HouseholdNumber = id?.HouseholdNumber ?? "",
                Address = id?.Address ?? "",
                Phone = id?.Phone ?? "",
            };
        }
    }
}
