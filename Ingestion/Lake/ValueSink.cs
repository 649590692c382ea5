using BlindSpot.Core.Catalog;
using Parquet;
using Parquet.Schema;

namespace BlindSpot.Ingestion.Lake;

/// <summary>A column of a value type (INT32, INT64, DOUBLE, DATE); an empty field is null only where the catalog allows it.</summary>
internal abstract class ValueSink<T> : ColumnSink
    where T : struct
{
    private const string Empty = "is empty but the catalog does not allow an empty value";

    private T[] values = new T[1024];
    private bool[] present = new bool[1024];
    private T staged;
    private bool stagedPresent;
    private int count;

    protected ValueSink(ColumnDefinition column)
        : base(column)
    {
        Field = new DataField<T>(column.Name, column.Nullable);
    }

    public override DataField Field { get; }

    /// <summary>The value of the last successful <see cref="Stage"/>; null when the field was empty.</summary>
    public T? Staged => stagedPresent ? staged : null;

    public override string? Stage(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            stagedPresent = false;
            return Column.Nullable ? null : Empty;
        }

        stagedPresent = true;
        return Parse(utf8, out staged);
    }

    public override void Commit()
    {
        if (count == values.Length)
        {
            Array.Resize(ref values, count * 2);
            Array.Resize(ref present, count * 2);
        }

        values[count] = staged;
        present[count] = stagedPresent;
        count++;
    }

    public override async ValueTask WriteAsync(ParquetRowGroupWriter writer, ReadOnlyMemory<int> rows, CancellationToken cancellationToken)
    {
        if (!Column.Nullable)
        {
            var picked = new T[rows.Length];
            var at = rows.Span;
            for (var i = 0; i < picked.Length; i++)
            {
                picked[i] = values[at[i]];
            }

            await writer.WriteAsync<T>(Field, picked, cancellationToken: cancellationToken);
            return;
        }

        var nullable = new T?[rows.Length];
        var span = rows.Span;
        for (var i = 0; i < nullable.Length; i++)
        {
            nullable[i] = present[span[i]] ? values[span[i]] : null;
        }

        await writer.WriteAsync<T>(Field, new ReadOnlyMemory<T?>(nullable), cancellationToken: cancellationToken);
    }

    public override void Clear() => count = 0;

    /// <summary>Parses a non-empty field; returns null when valid, else the reason.</summary>
    protected abstract string? Parse(ReadOnlySpan<byte> utf8, out T value);
}
