using BlindSpot.Core.Catalog;
using BlindSpot.Core.Contracts;
using BlindSpot.Core.Files;
using BlindSpot.Core.Partitioning;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using Parquet;
using Parquet.Schema;

namespace BlindSpot.Dispatch.Selection;

/// <summary>
/// Who meets each catalog rule cohort's conditions in a quarter: for each condition, the person keys (a person feed) or
/// household keys (a household feed, then every roster member of those households) with a lake record of the feed whose
/// value is within the bounds; a cohort's members are the people in every condition's set. Only the conditions' key
/// and value columns are read.
/// </summary>
internal static class CohortMembers
{
    /// <summary>Each cohort's members; a cohort whose quota is 0 (<paramref name="options"/>) is not read. Refuses a configured count naming no cohort.</summary>
    public static async Task<IReadOnlyDictionary<string, HashSet<long>>> ReadAsync(DataRoot root, Quarter quarter, FeedCatalog catalog, DispatchOptions options, RosterFacts roster, CancellationToken ct)
    {
        CheckCounts(catalog, options);
        var result = new Dictionary<string, HashSet<long>>(StringComparer.Ordinal);
        foreach (var cohort in catalog.Cohorts.Where(c => options.CohortCount(c) > 0))
        {
            HashSet<long>? members = null;
            foreach (var condition in cohort.Conditions)
            {
                var feed = catalog.GetFeed(condition.Feed);
                var units = await UnitsAsync(feed, TableFiles.Lake(root, quarter, feed.Code).Paths(), condition, ct).ConfigureAwait(false);
                var people = feed.Unit == FeedUnit.Person ? units : PeopleOf(units, roster);
                if (members is null)
                {
                    members = people;
                }
                else
                {
                    members.IntersectWith(people);
                }
            }

            result[cohort.Code] = members ?? [];
        }

        return result;
    }

    /// <summary>Refuses a configured cohort count naming no cohort of the catalog.</summary>
    public static void CheckCounts(FeedCatalog catalog, DispatchOptions options)
    {
        if (options.CohortCounts.Keys.FirstOrDefault(code => catalog.Cohorts.All(c => c.Code != code)) is { } unknown)
        {
            throw new ArgumentException($"Invalid dispatch options: CohortCounts:{unknown} names no cohort of the catalog ({string.Join(", ", catalog.Cohorts.Select(c => c.Code))}).");
        }
    }

    private static HashSet<long> PeopleOf(HashSet<long> households, RosterFacts roster)
    {
        var people = new HashSet<long>();
        for (var i = 0; i < roster.People; i++)
        {
            if (households.Contains(roster.HouseholdKeys[i]))
            {
                people.Add(roster.PersonKeys[i]);
            }
        }

        return people;
    }

    /// <summary>The keys of the feed's unit with a record meeting <paramref name="condition"/>, over the feed's bucket files; none when the quarter has no lake files for the feed.</summary>
    internal static async Task<HashSet<long>> UnitsAsync(FeedDefinition feed, IReadOnlyList<string> files, CohortCondition condition, CancellationToken ct)
    {
        var units = new HashSet<long>();
        foreach (var path in files)
        {
            await ParquetFiles.ReadAsync(path, $"the lake's {feed.Code} feed", () => ReadUnitsAsync(feed, path, condition, units, ct)).ConfigureAwait(false);
        }

        return units;
    }

    private static async Task<HashSet<long>> ReadUnitsAsync(FeedDefinition feed, string path, CohortCondition condition, HashSet<long> units, CancellationToken ct)
    {
        await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: ct).ConfigureAwait(false);
        var keyField = Field(reader, KeyColumns.For(feed.Unit), path);
        var valueField = condition.Column is null ? null : Field(reader, condition.Column, path);
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var rows = checked((int)group.RowCount);
            var keys = new long[rows];
            await group.ReadAsync(keyField, keys.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            var values = valueField is null ? null : await ValuesAsync(group, valueField, rows, ct).ConfigureAwait(false);
            for (var i = 0; i < rows; i++)
            {
                if (values is null || (values[i] is { } v && condition.Holds(v)))
                {
                    units.Add(keys[i]);
                }
            }
        }

        return units;
    }

    /// <summary>The column as doubles (null where the record has no value), whatever its numeric Parquet type.</summary>
    private static async Task<double?[]> ValuesAsync(ParquetRowGroupReader group, DataField field, int rows, CancellationToken ct)
    {
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (type == typeof(int))
        {
            return Array.ConvertAll(await ReadAsync<int>(group, field, rows, ct).ConfigureAwait(false), v => (double?)v);
        }

        if (type == typeof(long))
        {
            return Array.ConvertAll(await ReadAsync<long>(group, field, rows, ct).ConfigureAwait(false), v => (double?)v);
        }

        return type == typeof(double)
            ? await ReadAsync<double>(group, field, rows, ct).ConfigureAwait(false)
            : throw new InvalidDataException($"column '{field.Name}' is {type.Name}, not a number; a cohort condition needs an int, long or double column.");
    }

    private static async Task<T?[]> ReadAsync<T>(ParquetRowGroupReader group, DataField field, int rows, CancellationToken ct)
        where T : struct
    {
        var values = new T?[rows];
        if (field.IsNullable)
        {
            await group.ReadAsync(field, values.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            return values;
        }

        var plain = new T[rows];
        await group.ReadAsync(field, plain.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
        for (var i = 0; i < rows; i++)
        {
            values[i] = plain[i];
        }

        return values;
    }

    private static DataField Field(ParquetReader reader, string name, string path) =>
        reader.Schema.DataFields.FirstOrDefault(f => f.Name == name)
        ?? throw new InvalidDataException($"{path}: the lake file has no column '{name}', which a catalog cohort's condition reads; re-run 'blindspot ingest'.");
}
