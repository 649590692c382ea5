using BlindSpot.Core.Contracts;
using BlindSpot.Core.Files;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Partitioning;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Regions;

namespace BlindSpot.Dispatch.Selection;

/// <summary>
/// What dispatch needs from the roster, as dense columns: each person's household, 시군구, status and benefits, and
/// each household's members (consecutive, as ingestion sorts the roster by 시군구, household, person).
/// </summary>
internal sealed class RosterFacts
{
    private RosterFacts(int people)
    {
        PersonKeys = new long[people];
        HouseholdKeys = new long[people];
        Sigungu = new int[people];
        Status = new char[people];
        BasicLivelihood = new bool[people];
        PersonIndex = new KeyIndex(people);
    }

    public long[] PersonKeys { get; }

    public long[] HouseholdKeys { get; }

    public int[] Sigungu { get; }

    /// <summary>R resident, M moved out, D deceased.</summary>
    public char[] Status { get; }

    public bool[] BasicLivelihood { get; }

    public KeyIndex PersonIndex { get; }

    /// <summary>The roster columns dispatch reads.</summary>
    private static readonly string[] Columns =
        [RosterColumns.PersonKey, RosterColumns.HouseholdKey, RosterColumns.BasicLivelihood, RosterColumns.SigunguCode, RosterColumns.Status];

    public int People => PersonKeys.Length;

    /// <summary>Roster indices of the other members of <paramref name="person"/>'s household.</summary>
    public IEnumerable<int> OtherMembers(int person)
    {
        var household = HouseholdKeys[person];
        for (var i = person - 1; i >= 0 && HouseholdKeys[i] == household; i--)
        {
            yield return i;
        }

        for (var i = person + 1; i < People && HouseholdKeys[i] == household; i++)
        {
            yield return i;
        }
    }

    /// <summary>Reads every bucket of the quarter's roster, in the roster's global order (<see cref="RosterFileReader"/>).</summary>
    public static Task<RosterFacts> ReadAsync(DataRoot root, Quarter quarter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(root);
        // Errors name the one file when there is one, else the roster's folder.
        var files = TableFiles.Roster(root, quarter).Paths();
        var path = files.Count == 1 ? files[0] : root.RosterFolder(quarter);
        return ParquetFiles.ReadAsync(path, "the roster", () => ReadFileAsync(path, files, ct));
    }

    private static async Task<RosterFacts> ReadFileAsync(string path, IReadOnlyList<string> files, CancellationToken ct)
    {
        await using var reader = await RosterFileReader.OpenAsync(path, files, Columns, ct).ConfigureAwait(false);
        var facts = new RosterFacts(reader.People);
        var offset = 0;
        var sigunguCodes = new RegionCodeParser(RosterColumns.SigunguCode, path);
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroup(g);
            var rows = group.Rows;
            await group.ReadAsync(RosterColumns.PersonKey, facts.PersonKeys.AsMemory(offset, rows), ct).ConfigureAwait(false);
            await group.ReadAsync(RosterColumns.HouseholdKey, facts.HouseholdKeys.AsMemory(offset, rows), ct).ConfigureAwait(false);
            await group.ReadAsync(RosterColumns.BasicLivelihood, facts.BasicLivelihood.AsMemory(offset, rows), ct).ConfigureAwait(false);
            var sigungu = new ReadOnlyMemory<char>[rows];
            await group.ReadAsync(RosterColumns.SigunguCode, sigungu.AsMemory(), ct).ConfigureAwait(false);
            var status = new ReadOnlyMemory<char>[rows];
            await group.ReadAsync(RosterColumns.Status, status.AsMemory(), ct).ConfigureAwait(false);
            for (var k = 0; k < rows; k++)
            {
                var i = offset + k;
                facts.Sigungu[i] = sigunguCodes.Parse(sigungu[k].Span, i);
                facts.Status[i] = status[k].Span is [var s] ? s : '?';
            }

            if (facts.PersonIndex.AddAll(facts.PersonKeys.AsSpan(offset, rows), offset) is var duplicate and >= 0)
            {
                throw new InvalidDataException($"{path}: person key {facts.PersonKeys[offset + duplicate]:x16} appears twice in the roster.");
            }

            offset += rows;
        }

        return facts;
    }
}
