using System.Buffers;
using Parquet;
using Parquet.Schema;

namespace BlindSpot.Features.Aggregation;

/// <summary>Reads a numeric or date lake column of one row group into a float or day-number buffer, whatever its Parquet type.</summary>
internal static class ColumnValues
{
    public static async Task ReadFloatsAsync(ParquetRowGroupReader rowGroup, DataField field, float[] target, int rows, CancellationToken ct)
    {
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (type == typeof(int))
        {
            await ReadAsync<int>(rowGroup, field, target, rows, v => v, ct).ConfigureAwait(false);
        }
        else if (type == typeof(long))
        {
            await ReadAsync<long>(rowGroup, field, target, rows, v => v, ct).ConfigureAwait(false);
        }
        else if (type == typeof(double))
        {
            await ReadAsync<double>(rowGroup, field, target, rows, v => (float)v, ct).ConfigureAwait(false);
        }
        else if (type == typeof(float))
        {
            await ReadAsync<float>(rowGroup, field, target, rows, v => v, ct).ConfigureAwait(false);
        }
        else
        {
            throw new InvalidDataException($"Lake column '{field.Name}' is {type.Name}; a numeric column was expected.");
        }
    }

    /// <summary>Dates as <see cref="DateOnly.DayNumber"/>; a missing date reads as 0 (year 1), which no feed produces.</summary>
    public static async Task ReadDaysAsync(ParquetRowGroupReader rowGroup, DataField field, int[] target, int rows, CancellationToken ct)
    {
        if (field.IsNullable)
        {
            var values = ArrayPool<DateOnly?>.Shared.Rent(rows);
            await rowGroup.ReadAsync(field, values.AsMemory(0, rows), cancellationToken: ct).ConfigureAwait(false);
            for (var i = 0; i < rows; i++)
            {
                target[i] = values[i]?.DayNumber ?? 0;
            }

            ArrayPool<DateOnly?>.Shared.Return(values);
            return;
        }

        var dates = ArrayPool<DateOnly>.Shared.Rent(rows);
        await rowGroup.ReadAsync(field, dates.AsMemory(0, rows), cancellationToken: ct).ConfigureAwait(false);
        for (var i = 0; i < rows; i++)
        {
            target[i] = dates[i].DayNumber;
        }

        ArrayPool<DateOnly>.Shared.Return(dates);
    }

    private static async Task ReadAsync<T>(ParquetRowGroupReader rowGroup, DataField field, float[] target, int rows, Func<T, float> convert, CancellationToken ct)
        where T : struct
    {
        // Buffers are rented: one lake row group is up to a million rows, and fresh arrays of that size go to the
        // large-object heap, which is only collected with generation 2: at 9 million people that doubled peak memory.
        if (field.IsNullable)
        {
            var values = ArrayPool<T?>.Shared.Rent(rows);
            await rowGroup.ReadAsync(field, values.AsMemory(0, rows), cancellationToken: ct).ConfigureAwait(false);
            for (var i = 0; i < rows; i++)
            {
                target[i] = values[i] is { } v ? convert(v) : 0f;
            }

            ArrayPool<T?>.Shared.Return(values);
            return;
        }

        var raw = ArrayPool<T>.Shared.Rent(rows);
        await rowGroup.ReadAsync(field, raw.AsMemory(0, rows), cancellationToken: ct).ConfigureAwait(false);
        for (var i = 0; i < rows; i++)
        {
            target[i] = convert(raw[i]);
        }

        ArrayPool<T>.Shared.Return(raw);
    }
}
