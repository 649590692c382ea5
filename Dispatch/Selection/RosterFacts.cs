using BlindSpot.Core.Files;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Regions;
using Parquet;
using Parquet.Schema;

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

    public static async Task<RosterFacts> ReadAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: the quarter's roster is missing; run 'blindspot ingest' for the quarter first.", path);
        }

        return await ParquetFiles.ReadAsync(path, "the roster", () => ReadFileAsync(path, ct)).ConfigureAwait(false);
    }

    private static async Task<RosterFacts> ReadFileAsync(string path, CancellationToken ct)
    {
        await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: ct).ConfigureAwait(false);
        var facts = new RosterFacts(checked((int)reader.RowGroups.Sum(g => g.RowCount)));
        var offset = 0;
        var sigunguCodes = new RegionCodeParser(Core.Contracts.RosterColumns.SigunguCode, path);
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var rows = checked((int)group.RowCount);
            await group.ReadAsync(Field(reader, Core.Contracts.RosterColumns.PersonKey, path), facts.PersonKeys.AsMemory(offset, rows), cancellationToken: ct).ConfigureAwait(false);
            await group.ReadAsync(Field(reader, Core.Contracts.RosterColumns.HouseholdKey, path), facts.HouseholdKeys.AsMemory(offset, rows), cancellationToken: ct).ConfigureAwait(false);
            await group.ReadAsync(Field(reader, Core.Contracts.RosterColumns.BasicLivelihood, path), facts.BasicLivelihood.AsMemory(offset, rows), cancellationToken: ct).ConfigureAwait(false);
            // Text as character slices: Parquet.Net makes a string per row for a string array, even from a dictionary page.
            var sigungu = new ReadOnlyMemory<char>[rows];
            await group.ReadAsync<ReadOnlyMemory<char>>(Field(reader, Core.Contracts.RosterColumns.SigunguCode, path), sigungu, cancellationToken: ct).ConfigureAwait(false);
            var status = new ReadOnlyMemory<char>[rows];
            await group.ReadAsync<ReadOnlyMemory<char>>(Field(reader, Core.Contracts.RosterColumns.Status, path), status, cancellationToken: ct).ConfigureAwait(false);
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

    private static DataField Field(ParquetReader reader, string name, string path) =>
        reader.Schema.DataFields.FirstOrDefault(f => f.Name == name)
        ?? throw new InvalidDataException($"{path}: the roster has no column '{name}'; re-ingest the quarter with this version.");
}
