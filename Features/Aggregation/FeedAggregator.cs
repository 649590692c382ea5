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
    /// <summary>
    /// Folds the feed's bucket files (<paramref name="files"/>, from <see cref="Core.Partitioning.TableFiles"/>; none when
    /// the feed is absent) one after another: a unit's rows all lie in its bucket, in delivery order, so each unit folds
    /// exactly as from one file.
    /// </summary>
    public static async Task<FeedAggregate> AggregateAsync(
        FeedDefinition feed, IReadOnlyList<string> files, KeyIndex keys, int units, DateOnly asOf, FeedAccumulator accumulator, FoldScope scope, CancellationToken ct)
    {
        if (files.Count == 0)
        {
            return FeedAggregate.Absent(feed);
        }

        accumulator.Begin();
        long rows = 0;
        long unknown = 0;
        foreach (var path in files)
        {
            var (fileRows, fileUnknown) = await ParquetFiles.ReadAsync(path, $"the lake's {feed.Code} feed", () => FoldFileAsync(feed, path, keys, accumulator, scope, ct)).ConfigureAwait(false);
            rows += fileRows;
            unknown += fileUnknown;
        }

        return accumulator.Drain(feed, units, asOf.DayNumber, rows, unknown, scope);
    }

    private static async Task<(long Rows, long Unknown)> FoldFileAsync(
        FeedDefinition feed, string path, KeyIndex keys, FeedAccumulator accumulator, FoldScope scope, CancellationToken ct)
    {
        await using var reader = await ParquetReader.CreateAsync(path, new ParquetOptions { UseDateOnlyTypeForDates = true }, cancellationToken: ct).ConfigureAwait(false);
        var keyName = Core.Contracts.KeyColumns.For(feed.Unit);
        var keyField = Field(reader.Schema, keyName, path)!;
        var allRules = scope == FoldScope.AllRules;
        var dateField = allRules ? Field(reader.Schema, feed.ColumnWithRole(ColumnRole.EventDate)!.Name, path) : null;
        // The accumulator's role order; an earlier quarter reads only months and measure (the change and history features).
        ColumnRole[] roles = [ColumnRole.Months, ColumnRole.Amount, ColumnRole.Days, ColumnRole.Count, ColumnRole.Measure];
        var roleFields = roles.Select(role => (allRules || role is ColumnRole.Months or ColumnRole.Measure) && feed.ColumnWithRole(role) is { } column ? Field(reader.Schema, column.Name, path) : null).ToArray();

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

        return (rows, unknown);
    }

    private static DataField? Field(ParquetSchema schema, string name, string path) =>
        schema.DataFields.FirstOrDefault(f => f.Name == name)
        ?? throw new InvalidDataException($"{path}: the lake file has no column '{name}', which the catalog says it must have; re-ingest the quarter.");
}
