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
            var values = new DateOnly?[rows];
            await rowGroup.ReadAsync(field, values.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            for (var i = 0; i < rows; i++)
            {
                target[i] = values[i]?.DayNumber ?? 0;
            }

            return;
        }

        var dates = new DateOnly[rows];
        await rowGroup.ReadAsync(field, dates.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
        for (var i = 0; i < rows; i++)
        {
            target[i] = dates[i].DayNumber;
        }
    }

    private static async Task ReadAsync<T>(ParquetRowGroupReader rowGroup, DataField field, float[] target, int rows, Func<T, float> convert, CancellationToken ct)
        where T : struct
    {
        if (field.IsNullable)
        {
            var values = new T?[rows];
            await rowGroup.ReadAsync(field, values.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            for (var i = 0; i < rows; i++)
            {
                target[i] = values[i] is { } v ? convert(v) : 0f;
            }

            return;
        }

        var raw = new T[rows];
        await rowGroup.ReadAsync(field, raw.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
        for (var i = 0; i < rows; i++)
        {
            target[i] = convert(raw[i]);
        }
    }
}
