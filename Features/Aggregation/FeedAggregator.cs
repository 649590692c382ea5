using BlindSpot.Core.Files;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Features.Roster;
using Parquet;
using Parquet.Schema;

namespace BlindSpot.Features.Aggregation;

/// <summary>
/// Reads one lake file row group by row group, maps each key to its dense roster index and folds the rows into an
/// <see cref="FeedAggregate"/>. Memory per call: one row group's columns plus the worker's accumulator.
/// </summary>
internal static class FeedAggregator
{
    public static Task<FeedAggregate> AggregateAsync(
        FeedDefinition feed, string path, KeyIndex keys, int units, DateOnly asOf, FeedAccumulator accumulator, FoldScope scope, CancellationToken ct) =>
        ParquetFiles.ReadAsync(path, $"the lake's {feed.Code} feed", () => AggregateUnguardedAsync(feed, path, keys, units, asOf, accumulator, scope, ct));

    private static async Task<FeedAggregate> AggregateUnguardedAsync(
        FeedDefinition feed, string path, KeyIndex keys, int units, DateOnly asOf, FeedAccumulator accumulator, FoldScope scope, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            return FeedAggregate.Absent(feed);
        }

        await using var reader = await ParquetReader.CreateAsync(path, new ParquetOptions { UseDateOnlyTypeForDates = true }, cancellationToken: ct).ConfigureAwait(false);
        var keyName = Core.Contracts.KeyColumns.For(feed.Unit);
        var keyField = Field(reader.Schema, keyName, path)!;
        var allRules = scope == FoldScope.AllRules;
        var dateField = allRules ? Field(reader.Schema, feed.ColumnWithRole(ColumnRole.EventDate)!.Name, path) : null;
        ColumnRole[] roles = allRules ? [ColumnRole.Months, ColumnRole.Amount, ColumnRole.Days, ColumnRole.Count, ColumnRole.Measure] : [ColumnRole.Months];
        var roleFields = roles.Select(role => feed.ColumnWithRole(role) is { } column ? Field(reader.Schema, column.Name, path) : null).ToArray();

        accumulator.Begin();
        long rows = 0;
        long unknown = 0;
        for (var group = 0; group < reader.RowGroupCount; group++)
        {
            using var rowGroup = reader.OpenRowGroupReader(group);
            var n = checked((int)rowGroup.RowCount);
            var (keyValues, found, days, values) = accumulator.Scratch(n);
            await rowGroup.ReadAsync(keyField, keyValues.AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
            if (dateField is not null)
            {
                await ColumnValues.ReadDaysAsync(rowGroup, dateField, days, n, ct).ConfigureAwait(false);
            }
            else
            {
                Array.Clear(days, 0, n);
            }

            for (var r = 0; r < values.Length; r++)
            {
                if (r < roleFields.Length && roleFields[r] is { } field)
                {
                    await ColumnValues.ReadFloatsAsync(rowGroup, field, values[r], n, ct).ConfigureAwait(false);
                }
                else
                {
                    Array.Clear(values[r], 0, n);
                }
            }

            // Lookups first, as one batch: they are independent, so their cache misses overlap (the index prefetches).
            keys.FindAll(keyValues.AsSpan(0, n), found);

            unknown += accumulator.AddRows(found.AsSpan(0, n), days, values);
            rows += n;
        }

        return accumulator.Drain(feed, units, asOf.DayNumber, rows, unknown, scope);
    }

    private static DataField? Field(ParquetSchema schema, string name, string path) =>
        schema.DataFields.FirstOrDefault(f => f.Name == name)
        ?? throw new InvalidDataException($"{path}: the lake file has no column '{name}', which the catalog says it must have; re-ingest the quarter.");
}
