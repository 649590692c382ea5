using BlindSpot.Core.Files;
using BlindSpot.Core.Catalog;
using Parquet;
using Parquet.Schema;

namespace BlindSpot.Dispatch.Reasons;

/// <summary>
/// Finds, in one feed's lake, the latest record of each wanted person or household, with every column's value,
/// so a reason can say "건강보험료 8개월 체납 (1,240,000원)" with the real figures rather than model features.
/// </summary>
internal static class LakeLookup
{
    /// <summary>
    /// Reads the feed's bucket files (<paramref name="files"/>, from <see cref="Core.Partitioning.TableFiles"/>) in order:
    /// a unit's rows all lie in its bucket in delivery order, so the first of its latest-dated rows wins as from one file.
    /// </summary>
    /// <param name="columns">The value columns to keep (with the event date, always read); null: every column of the feed.</param>
    public static async Task<Dictionary<long, IReadOnlyDictionary<string, object?>>> LatestAsync(FeedDefinition feed, IReadOnlyList<string> files, IReadOnlySet<long> wanted, CancellationToken ct, IReadOnlyCollection<string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var latest = new Dictionary<long, IReadOnlyDictionary<string, object?>>();
        var dates = new Dictionary<long, DateOnly>();
        if (wanted.Count == 0)
        {
            return latest;
        }

        foreach (var path in files)
        {
            await ParquetFiles.ReadAsync(path, $"the lake's {feed.Code} feed", () => ReadLatestAsync(feed, path, wanted, columns, latest, dates, ct)).ConfigureAwait(false);
        }

        return latest;
    }

    private static async Task<Dictionary<long, IReadOnlyDictionary<string, object?>>> ReadLatestAsync(FeedDefinition feed, string path, IReadOnlySet<long> wanted, IReadOnlyCollection<string>? only, Dictionary<long, IReadOnlyDictionary<string, object?>> latest, Dictionary<long, DateOnly> dates, CancellationToken ct)
    {
        await using var reader = await ParquetReader.CreateAsync(path, new ParquetOptions { UseDateOnlyTypeForDates = true }, cancellationToken: ct).ConfigureAwait(false);
        var keyField = reader.Schema.DataFields.First(f => f.Name == Core.Contracts.KeyColumns.For(feed.Unit));
        var dateName = feed.ColumnWithRole(ColumnRole.EventDate)!.Name;
        var valueFields = reader.Schema.DataFields.Where(f => f != keyField && feed.Columns.Any(c => c.Name == f.Name) && (only is null || f.Name == dateName || only.Contains(f.Name))).ToArray();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var rows = checked((int)group.RowCount);
            var keys = new long[rows];
            await group.ReadAsync(keyField, keys.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            var hits = Enumerable.Range(0, rows).Where(i => wanted.Contains(keys[i])).ToArray();
            if (hits.Length == 0)
            {
                continue;
            }

            var columns = new Dictionary<string, Array>();
            foreach (var field in valueFields)
            {
                columns[field.Name] = await ReadAnyAsync(group, field, rows, ct).ConfigureAwait(false);
            }

            foreach (var i in hits)
            {
                var date = columns.TryGetValue(dateName, out var d) && d.GetValue(i) is DateOnly day ? day : DateOnly.MinValue;
                if (dates.TryGetValue(keys[i], out var seen) && seen >= date)
                {
                    continue;
                }

                dates[keys[i]] = date;
                latest[keys[i]] = columns.ToDictionary(c => c.Key, c => c.Value.GetValue(i));
            }
        }

        return latest;
    }

    private static async Task<Array> ReadAnyAsync(ParquetRowGroupReader group, DataField field, int rows, CancellationToken ct)
    {
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        return type switch
        {
            _ when type == typeof(int) => await ReadAsync<int>(group, field, rows, ct).ConfigureAwait(false),
            _ when type == typeof(long) => await ReadAsync<long>(group, field, rows, ct).ConfigureAwait(false),
            _ when type == typeof(double) => await ReadAsync<double>(group, field, rows, ct).ConfigureAwait(false),
            _ when type == typeof(float) => await ReadAsync<float>(group, field, rows, ct).ConfigureAwait(false),
            _ when type == typeof(DateOnly) => await ReadAsync<DateOnly>(group, field, rows, ct).ConfigureAwait(false),
            _ when type == typeof(bool) => await ReadAsync<bool>(group, field, rows, ct).ConfigureAwait(false),
            // UTF-8 columns surface as string or as raw memory depending on reader options: read them as text.
            _ => await ReadStringsAsync(group, field, rows, ct).ConfigureAwait(false),
        };
    }

    private static async Task<Array> ReadStringsAsync(ParquetRowGroupReader group, DataField field, int rows, CancellationToken ct)
    {
        var strings = new string?[rows];
        await group.ReadAsync(field, strings.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
        return strings;
    }

    private static async Task<Array> ReadAsync<T>(ParquetRowGroupReader group, DataField field, int rows, CancellationToken ct)
        where T : struct
    {
        if (field.IsNullable)
        {
            var nullable = new T?[rows];
            await group.ReadAsync(field, nullable.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            return nullable;
        }

        var values = new T[rows];
        await group.ReadAsync(field, values.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
        return values;
    }
}
