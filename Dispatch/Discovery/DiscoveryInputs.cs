using BlindSpot.Core.Catalog;
using BlindSpot.Core.Contracts;
using BlindSpot.Core.Files;
using BlindSpot.Core.Regions;
using Parquet;
using Parquet.Schema;

namespace BlindSpot.Dispatch.Discovery;

/// <summary>
/// The one place the own-discovery index reads the quarter's roster and lake: one bucket at a time (issue 17), a row
/// group at a time into <see cref="DiscoveryPopulation"/>'s dense columns, with what the scores (already split by bucket,
/// <see cref="DiscoveryScoreSpill"/>) and the register (<see cref="DiscoveryDispatched"/>) add to each person.
/// </summary>
internal static class DiscoveryInputs
{
    private static readonly string[] RosterColumnsRead =
    [
        RosterColumns.PersonKey, RosterColumns.HouseholdKey, RosterColumns.SigunguCode, RosterColumns.EupmyeondongCode,
        RosterColumns.Age, RosterColumns.Sex, RosterColumns.Disability, RosterColumns.Status,
    ];

    /// <summary>
    /// One bucket's people in the bucket file's order (within each 시군구 the roster's order), from its roster files and
    /// the lake files of each feed of <paramref name="catalog"/> (<paramref name="lakes"/>, aligned with the feeds).
    /// </summary>
    public static async Task<DiscoveryPopulation> ReadBucketAsync(string path, IReadOnlyList<string> rosterFiles, IReadOnlyList<IReadOnlyList<string>> lakes, FeedCatalog catalog, DiscoveryScoreSpill scores, int bucket, DiscoveryDispatched dispatched, CancellationToken ct)
    {
        var population = await ParquetFiles.ReadAsync(path, "the roster", () => RosterAsync(path, rosterFiles, scores.Variants, ct)).ConfigureAwait(false);
        MarkHouseholds(population);
        for (var f = 0; f < catalog.Feeds.Count; f++)
        {
            var feed = catalog.Feeds[f];
            var bit = 1UL << f;
            foreach (var lake in lakes[f])
            {
                await ParquetFiles.ReadAsync(lake, $"the lake's {feed.Code} feed", () => LakeAsync(population, lake, feed.Unit, bit, ct)).ConfigureAwait(false);
            }
        }

        scores.Mark(population, bucket);
        MarkDispatched(population, dispatched);
        return population;
    }

    private static async Task<DiscoveryPopulation> RosterAsync(string path, IReadOnlyList<string> files, int variants, CancellationToken ct)
    {
        await using var reader = await RosterFileReader.OpenAsync(path, files, RosterColumnsRead, ct).ConfigureAwait(false);
        var population = new DiscoveryPopulation(reader.People, variants);
        var sigunguCodes = new RegionCodeParser(RosterColumns.SigunguCode, path);
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        var offset = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroup(g);
            var rows = group.Rows;
            await group.ReadAsync(RosterColumns.PersonKey, population.PersonKeys.AsMemory(offset, rows), ct).ConfigureAwait(false);
            await group.ReadAsync(RosterColumns.HouseholdKey, population.HouseholdKeys.AsMemory(offset, rows), ct).ConfigureAwait(false);
            await group.ReadAsync(RosterColumns.Age, population.Age.AsMemory(offset, rows), ct).ConfigureAwait(false);
            await group.ReadAsync(RosterColumns.Disability, population.Disability.AsMemory(offset, rows), ct).ConfigureAwait(false);
            var sigungu = new ReadOnlyMemory<char>[rows];
            var emd = new ReadOnlyMemory<char>[rows];
            var sex = new ReadOnlyMemory<char>[rows];
            var status = new ReadOnlyMemory<char>[rows];
            await group.ReadAsync(RosterColumns.SigunguCode, sigungu.AsMemory(), ct).ConfigureAwait(false);
            await group.ReadAsync(RosterColumns.EupmyeondongCode, emd.AsMemory(), ct).ConfigureAwait(false);
            await group.ReadAsync(RosterColumns.Sex, sex.AsMemory(), ct).ConfigureAwait(false);
            await group.ReadAsync(RosterColumns.Status, status.AsMemory(), ct).ConfigureAwait(false);
            for (var k = 0; k < rows; k++)
            {
                var i = offset + k;
                population.Sigungu[i] = sigunguCodes.Parse(sigungu[k].Span, i);
                population.Eupmyeondong[i] = Shared(codes, emd[k]);
                population.Sex[i] = sex[k].Span is [var s] ? s : '?';
                population.Resident[i] = status[k].Span is ['R'];
            }

            if (population.PersonIndex.AddAll(population.PersonKeys.AsSpan(offset, rows), offset) is var duplicate and >= 0)
            {
                throw new InvalidDataException($"{path}: person key {population.PersonKeys[offset + duplicate]:x16} appears twice in the roster.");
            }

            offset += rows;
        }

        return population;
    }

    private static string Shared(Dictionary<string, string> codes, ReadOnlyMemory<char> text)
    {
        var lookup = codes.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text.Span, out var code))
        {
            return code;
        }

        code = text.ToString();
        codes[code] = code;
        return code;
    }

    /// <summary>Household size and traits for every member, and the household index (members are consecutive rows).</summary>
    private static void MarkHouseholds(DiscoveryPopulation p)
    {
        for (var start = 0; start < p.People;)
        {
            var (_, end) = p.Household(start);
            var traits = end - start == 1 ? HouseholdTraits.SinglePerson : HouseholdTraits.None;
            var elders = 0;
            for (var i = start; i < end; i++)
            {
                traits |= p.Age[i] < 18 ? HouseholdTraits.WithChild : HouseholdTraits.None;
                traits |= p.Disability[i] ? HouseholdTraits.WithDisability : HouseholdTraits.None;
                elders += p.Age[i] >= 65 ? 1 : 0;
            }

            traits |= elders > 0 ? HouseholdTraits.WithElder : HouseholdTraits.None;
            traits |= elders == end - start ? HouseholdTraits.ElderOnly : HouseholdTraits.None;
            p.HouseholdStart.TryAdd(p.HouseholdKeys[start], start);
            for (var i = start; i < end; i++)
            {
                p.Traits[i] = traits;
                p.HouseholdSize[i] = (byte)Math.Min(end - start, byte.MaxValue);
            }

            start = end;
        }
    }

    /// <summary>Sets the feed's bit and counts its records on the person (person feeds) or every member (household feeds); unknown keys are skipped.</summary>
    private static async Task LakeAsync(DiscoveryPopulation p, string path, FeedUnit unit, ulong bit, CancellationToken ct)
    {
        await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: ct).ConfigureAwait(false);
        var name = KeyColumns.For(unit);
        var field = reader.Schema.DataFields.FirstOrDefault(f => f.Name == name)
            ?? throw new InvalidDataException($"{path}: the lake file has no column '{name}'; re-ingest the quarter.");
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var keys = new long[checked((int)group.RowCount)];
            await group.ReadAsync(field, keys.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            foreach (var key in keys)
            {
                if (unit == FeedUnit.Person)
                {
                    Mark(p, p.PersonIndex.Find(key), bit);
                    continue;
                }

                if (p.HouseholdStart.Find(key) is var start and >= 0)
                {
                    var (from, to) = p.Household(start);
                    for (var i = from; i < to; i++)
                    {
                        Mark(p, i, bit);
                    }
                }
            }
        }
    }

    private static void Mark(DiscoveryPopulation p, int row, ulong bit)
    {
        if (row >= 0)
        {
            p.Feeds[row] |= bit;
            p.Records[row] = (ushort)Math.Min(p.Records[row] + 1, ushort.MaxValue);
        }
    }

    /// <summary>Everyone on the quarter's register, and every member of a household dispatched as a household (they are on its entry).</summary>
    private static void MarkDispatched(DiscoveryPopulation p, DiscoveryDispatched dispatched)
    {
        for (var row = 0; row < p.People; row++)
        {
            var key = p.PersonKeys[row];
            if (dispatched.People.Contains(key))
            {
                p.Dispatched[row] = true;
            }

            if (dispatched.AsHousehold.Contains(key))
            {
                var (from, to) = p.Household(FirstOfHousehold(p, row));
                Array.Fill(p.Dispatched, true, from, to - from);
            }
        }
    }

    private static int FirstOfHousehold(DiscoveryPopulation p, int row)
    {
        while (row > 0 && p.HouseholdKeys[row - 1] == p.HouseholdKeys[row])
        {
            row--;
        }

        return row;
    }
}
