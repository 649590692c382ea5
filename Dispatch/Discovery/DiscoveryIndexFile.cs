using System.Text;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Errors;
using BlindSpot.Core.Files;
using BlindSpot.Core.Keys;

namespace BlindSpot.Dispatch.Discovery;

/// <summary>
/// The own-discovery index file, one per 시군구 (<c>discovery/&lt;Q&gt;/&lt;sigungu&gt;.bin</c>, owner-only: it names people):
/// little-endian binary, no timestamps, so the same inputs give the same bytes. Layout: magic <c>BSDI</c>, version,
/// quarter, 시군구, the feed codes (bit i of a row's feed mask is feed i), the variant codes, the row count, then per row
/// person key, household key, 읍면동, age, sex, household traits and size, feed mask, record count, per variant grade and
/// 시군구 rank, then name, resident number, household number, address and phone (length-prefixed UTF-8). Readers outside
/// Dispatch get the resident number masked, never whole.
/// </summary>
public static class DiscoveryIndexFile
{
    private static readonly byte[] Magic = "BSDI"u8.ToArray();
    private const int Version = 1;

    /// <summary>Reads one 시군구's index; the resident numbers come masked. A damaged file is a data error naming it.</summary>
    public static DiscoveryIndex Read(string path) => Read(path, keepResidentNumbers: false);

    internal static DiscoveryIndex Read(string path, bool keepResidentNumbers)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != Version)
            {
                throw new DataErrorException($"{path}: not an own-discovery index of this version; run 'blindspot discovery-index' for the quarter again.");
            }

            var quarter = reader.ReadString();
            var sigungu = reader.ReadString();
            var feeds = Strings(reader);
            var variants = Strings(reader).Select(VariantNames.Parse).ToArray();
            var count = reader.ReadInt32();
            var people = new DiscoveryPerson[count];
            for (var i = 0; i < count; i++)
            {
                people[i] = ReadPerson(reader, variants.Length, keepResidentNumbers);
            }

            return new DiscoveryIndex(quarter, sigungu, feeds, variants, people);
        }
        catch (EndOfStreamException e)
        {
            throw new DataErrorException($"{path}: the own-discovery index ends early (cut or damaged); run 'blindspot discovery-index' for the quarter again.", e);
        }
    }

    /// <summary>
    /// The rows of <paramref name="wanted"/> person keys with their whole resident and household numbers (Dispatch's
    /// register only); every other row is stepped over without making its strings.
    /// </summary>
    internal static Dictionary<long, DiscoveryPerson> Find(string path, IReadOnlySet<long> wanted)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != Version)
            {
                throw new DataErrorException($"{path}: not an own-discovery index of this version; run 'blindspot discovery-index' for the quarter again.");
            }

            _ = reader.ReadString();
            _ = reader.ReadString();
            _ = Strings(reader);
            var variants = Strings(reader).Length;
            var count = reader.ReadInt32();
            var found = new Dictionary<long, DiscoveryPerson>();
            for (var i = 0; i < count && found.Count < wanted.Count; i++)
            {
                var start = stream.Position;
                var key = reader.ReadInt64();
                if (wanted.Contains(key))
                {
                    stream.Position = start;
                    found[key] = ReadPerson(reader, variants, keepResidentNumbers: true);
                    continue;
                }

                // household key, then the 읍면동 string, 4 bytes, the feed mask, the record count, the grades and ranks, 5 strings.
                stream.Position += sizeof(long);
                Skip(reader);
                stream.Position += 4 + sizeof(ulong) + sizeof(ushort) + (variants * (1 + sizeof(int)));
                for (var s = 0; s < 5; s++)
                {
                    Skip(reader);
                }
            }

            return found;
        }
        catch (EndOfStreamException e)
        {
            throw new DataErrorException($"{path}: the own-discovery index ends early (cut or damaged); run 'blindspot discovery-index' for the quarter again.", e);
        }
    }

    // A length-prefixed string (7-bit encoded length, as BinaryWriter writes it), stepped over.
    private static void Skip(BinaryReader reader)
    {
        // The length first: `Position += Read…()` would take the position before the length's own bytes were read.
        var length = reader.Read7BitEncodedInt();
        reader.BaseStream.Position += length;
    }

    internal static void Write(string path, string quarter, string sigungu, IReadOnlyList<string> feedCodes, IReadOnlyList<Variant> variants, IEnumerable<DiscoveryPerson> people, int count)
    {
        var temporary = path + ".tmp";
        using (var stream = PrivateFiles.Create(temporary))
        using (var writer = new BinaryWriter(stream, Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(quarter);
            writer.Write(sigungu);
            Strings(writer, feedCodes);
            Strings(writer, [.. variants.Select(v => v.ToCode())]);
            writer.Write(count);
            var written = 0;
            foreach (var p in people)
            {
                WritePerson(writer, p);
                written++;
            }

            if (written != count)
            {
                throw new InvalidOperationException($"{path}: {written} rows written where {count} were announced.");
            }
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static DiscoveryPerson ReadPerson(BinaryReader reader, int variants, bool keepResidentNumbers)
    {
        var personKey = reader.ReadInt64();
        var householdKey = reader.ReadInt64();
        var emd = reader.ReadString();
        var age = reader.ReadByte();
        var sex = (char)reader.ReadByte();
        var traits = (HouseholdTraits)reader.ReadByte();
        var size = reader.ReadByte();
        var feeds = reader.ReadUInt64();
        var records = reader.ReadUInt16();
        var grades = new DiscoveryGrade[variants];
        var ranks = new int[variants];
        for (var v = 0; v < variants; v++)
        {
            grades[v] = (DiscoveryGrade)reader.ReadByte();
            ranks[v] = reader.ReadInt32();
        }

        var name = reader.ReadString();
        var resident = reader.ReadString();
        var household = reader.ReadString();
        return new DiscoveryPerson
        {
            PersonKey = personKey, HouseholdKey = householdKey, Eupmyeondong = emd, Age = age, Sex = sex, Traits = traits, HouseholdSize = size,
            Feeds = feeds, Records = records, Grades = grades, SigunguRanks = ranks, Name = name, MaskedResidentNumber = ResidentNumber.Mask(resident),
            FullResidentNumber = keepResidentNumbers ? resident : null, HouseholdNumber = keepResidentNumbers ? household : null,
            Address = reader.ReadString(), Phone = reader.ReadString(),
        };
    }

    private static void WritePerson(BinaryWriter writer, DiscoveryPerson p)
    {
        writer.Write(p.PersonKey);
        writer.Write(p.HouseholdKey);
        writer.Write(p.Eupmyeondong);
        writer.Write((byte)Math.Clamp(p.Age, 0, 255));
        writer.Write((byte)p.Sex);
        writer.Write((byte)p.Traits);
        writer.Write((byte)Math.Clamp(p.HouseholdSize, 0, 255));
        writer.Write(p.Feeds);
        writer.Write((ushort)Math.Clamp(p.Records, 0, ushort.MaxValue));
        for (var v = 0; v < p.Grades.Count; v++)
        {
            writer.Write((byte)p.Grades[v]);
            writer.Write(p.SigunguRanks[v]);
        }

        writer.Write(p.Name);
        writer.Write(p.FullResidentNumber ?? "");
        writer.Write(p.HouseholdNumber ?? "");
        writer.Write(p.Address);
        writer.Write(p.Phone);
    }

    private static string[] Strings(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count is < 0 or > 1024)
        {
            throw new EndOfStreamException("implausible list length");
        }

        return [.. Enumerable.Range(0, count).Select(_ => reader.ReadString())];
    }

    private static void Strings(BinaryWriter writer, IReadOnlyList<string> values)
    {
        writer.Write(values.Count);
        foreach (var v in values)
        {
            writer.Write(v);
        }
    }
}
