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
/// each household's members (consecutive, as ingestion sorts the roster by 시군구, household, person). Either the whole
/// roster (<see cref="ReadAsync"/>, the outcome simulator's) or only some households (<see cref="Sparse"/>, the dispatch
/// stage's: the people its rankings' prefixes and cohorts name, <see cref="DispatchFacts"/>), appended household run by
/// household run; <see cref="People"/> is the roster's size either way.
/// </summary>
internal sealed class RosterFacts
{
    private long[] personKeys;
    private long[] householdKeys;
    private int[] sigungu;
    private char[] status;
    private bool[] basicLivelihood;

    // Sparse only: the household run each row was read in (its members' rows, consecutive in the roster's bucket file).
    private int[]? runs;
    private int runCount;

    private RosterFacts(int capacity, int people, bool sparse)
    {
        personKeys = new long[capacity];
        householdKeys = new long[capacity];
        sigungu = new int[capacity];
        status = new char[capacity];
        basicLivelihood = new bool[capacity];
        runs = sparse ? new int[capacity] : null;
        PersonIndex = new KeyIndex(capacity);
        People = people;
    }

    public long[] PersonKeys => personKeys;

    public long[] HouseholdKeys => householdKeys;

    public int[] Sigungu => sigungu;

    /// <summary>R resident, M moved out, D deceased.</summary>
    public char[] Status => status;

    public bool[] BasicLivelihood => basicLivelihood;

    /// <summary>Person key → row of these facts (−1: not held; in sparse facts, not on the roster when the key was asked for).</summary>
    public KeyIndex PersonIndex { get; }

    /// <summary>The roster's size (rows in all its files), what quotas scale with.</summary>
    public int People { get; }

    /// <summary>Rows held: <see cref="People"/> for the whole roster, the fetched households' members for sparse facts.</summary>
    public int Count { get; private set; }

    /// <summary>Empty facts of a roster of <paramref name="people"/> people, filled by <see cref="AddRun"/>.</summary>
    public static RosterFacts Sparse(int people) => new(1024, people, sparse: true);

    /// <summary>Whether the household run holding <paramref name="personKey"/> was added.</summary>
    public bool Holds(long personKey) => PersonIndex.Find(personKey) >= 0;

    /// <summary>
    /// Appends one household run (rows consecutive in the roster, one household key) of sparse facts; the caller adds a
    /// run once (a person key seen twice is an <see cref="InvalidDataException"/>).
    /// </summary>
    public void AddRun(ReadOnlySpan<long> persons, long household, ReadOnlySpan<int> sigungus, ReadOnlySpan<char> statuses, ReadOnlySpan<bool> benefits, string source)
    {
        if (runs is null)
        {
            throw new InvalidOperationException("Whole-roster facts take no runs.");
        }

        var need = Count + persons.Length;
        if (need > personKeys.Length)
        {
            var size = Math.Max(need, personKeys.Length * 2);
            Array.Resize(ref personKeys, size);
            Array.Resize(ref householdKeys, size);
            Array.Resize(ref sigungu, size);
            Array.Resize(ref status, size);
            Array.Resize(ref basicLivelihood, size);
            Array.Resize(ref runs, size);
        }

        persons.CopyTo(personKeys.AsSpan(Count));
        householdKeys.AsSpan(Count, persons.Length).Fill(household);
        sigungus.CopyTo(sigungu.AsSpan(Count));
        statuses.CopyTo(status.AsSpan(Count));
        benefits.CopyTo(basicLivelihood.AsSpan(Count));
        runs.AsSpan(Count, persons.Length).Fill(runCount++);
        if (PersonIndex.AddAll(persons, Count) is var duplicate and >= 0)
        {
            throw new InvalidDataException($"{source}: person key {persons[duplicate]:x16} appears twice in the roster.");
        }

        Count = need;
    }

    /// <summary>The roster columns dispatch reads.</summary>
    internal static readonly string[] Columns =
        [RosterColumns.PersonKey, RosterColumns.HouseholdKey, RosterColumns.BasicLivelihood, RosterColumns.SigunguCode, RosterColumns.Status];

    /// <summary>Rows of the other members of <paramref name="person"/>'s household (its run of consecutive roster rows), in roster order when ordered.</summary>
    public IEnumerable<int> OtherMembers(int person)
    {
        var household = HouseholdKeys[person];
        for (var i = person - 1; i >= 0 && SameRun(i, person, household); i--)
        {
            yield return i;
        }

        for (var i = person + 1; i < Count && SameRun(i, person, household); i++)
        {
            yield return i;
        }
    }

    private bool SameRun(int row, int person, long household) => householdKeys[row] == household && (runs is null || runs[row] == runs[person]);

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
        var facts = new RosterFacts(reader.People, reader.People, sparse: false) { Count = reader.People };
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
