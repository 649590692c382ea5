using BlindSpot.Core.Catalog;
using BlindSpot.Core.Quarters;
using BlindSpot.Ingestion.Validation;
using Parquet;
using Parquet.Schema;

namespace BlindSpot.Ingestion.Lake;

/// <summary>
/// One row group of a lake file being built: the pseudonymous key, every other catalog column typed, and the
/// delivery line. Schema (the lake contract): <c>person_key</c> or <c>household_key</c> INT64, the catalog columns by
/// name, <c>source_line</c> INT64. Not thread-safe.
/// </summary>
internal sealed class LakeBatch
{
    public const string SourceLineColumn = "source_line";

    private readonly DataField keyField;
    private readonly DataField<long> lineField = new(SourceLineColumn, false);
    private long[] keys = new long[1024];
    private long[] lines = new long[1024];

    public LakeBatch(FeedDefinition feed, DeliveryFormat format, Quarter quarter)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(format);
        keyField = new DataField<long>(KeyColumnName(feed.Unit), false);
        Columns = [.. feed.Columns.Skip(1).Select(column => Create(feed, column, format, quarter))];
        Schema = new ParquetSchema([keyField, .. Columns.Select(c => c.Field), lineField]);
    }

    /// <summary>The catalog columns after the key, in catalog order.</summary>
    public IReadOnlyList<ColumnSink> Columns { get; }

    public ParquetSchema Schema { get; }

    public int Count { get; private set; }

    public static string KeyColumnName(FeedUnit unit) => Core.Contracts.KeyColumns.For(unit);

    /// <summary>Appends the staged values of every column with the record's key and line.</summary>
    public void Commit(long key, long line)
    {
        if (Count == keys.Length)
        {
            Array.Resize(ref keys, Count * 2);
            Array.Resize(ref lines, Count * 2);
        }

        keys[Count] = key;
        lines[Count] = line;
        foreach (var column in Columns)
        {
            column.Commit();
        }

        Count++;
    }

    /// <summary>
    /// Writes the buffered rows, each to its bucket's file (<paramref name="bucketOf"/> its key), as one row group per
    /// bucket that has rows (delivery order kept within it), and empties the batch. Adds the rows written to
    /// <paramref name="written"/>[bucket]. With <paramref name="always"/>, a batch with no rows still writes an empty
    /// row group to bucket 0, so a delivery without an accepted row leaves an (empty) lake.
    /// </summary>
    public async Task FlushAsync(Func<int, Task<ParquetWriter>> writerOf, Func<long, int> bucketOf, long[] written, bool always, CancellationToken cancellationToken)
    {
        var (rows, starts) = ByBucket(bucketOf, written.Length);
        for (var b = 0; b < written.Length; b++)
        {
            var length = starts[b + 1] - starts[b];
            if (length > 0 || (always && Count == 0 && b == 0))
            {
                await WriteGroupAsync(await writerOf(b), rows.AsMemory(starts[b], length), cancellationToken);
                written[b] += length;
            }
        }

        foreach (var column in Columns)
        {
            column.Clear();
        }

        Count = 0;
    }

    private async Task WriteGroupAsync(ParquetWriter writer, ReadOnlyMemory<int> rows, CancellationToken cancellationToken)
    {
        using var group = writer.CreateRowGroup();
        await group.WriteAsync<long>(keyField, Pick(keys, rows.Span), cancellationToken: cancellationToken);
        foreach (var column in Columns)
        {
            await column.WriteAsync(group, rows, cancellationToken);
        }

        await group.WriteAsync<long>(lineField, Pick(lines, rows.Span), cancellationToken: cancellationToken);
    }

    // A stable counting sort of the batch's rows by bucket.
    private (int[] Rows, int[] Starts) ByBucket(Func<long, int> bucketOf, int buckets)
    {
        var bucket = new int[Count];
        var starts = new int[buckets + 1];
        for (var i = 0; i < Count; i++)
        {
            bucket[i] = bucketOf(keys[i]);
            starts[bucket[i] + 1]++;
        }

        for (var b = 1; b < starts.Length; b++)
        {
            starts[b] += starts[b - 1];
        }

        var rows = new int[Count];
        var next = (int[])starts.Clone();
        for (var i = 0; i < Count; i++)
        {
            rows[next[bucket[i]]++] = i;
        }

        return (rows, starts);
    }

    private static long[] Pick(long[] values, ReadOnlySpan<int> rows)
    {
        var picked = new long[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            picked[i] = values[rows[i]];
        }

        return picked;
    }

    private static ColumnSink Create(FeedDefinition feed, ColumnDefinition column, DeliveryFormat format, Quarter quarter) => column.Type switch
    {
        ColumnType.Int => new Int32Sink(column),
        ColumnType.Long => new Int64Sink(column),
        ColumnType.Double => new DoubleSink(column),
        ColumnType.Date => new DateSink(column, format.DateFormat!, DateWindow.For(feed, column, quarter)),
        ColumnType.Code or ColumnType.String => new TextSink(column),
        _ => throw new InvalidDataException(
            $"Feed '{feed.Code}' column '{column.Name}' is a {column.Type} after the key; only the first column may be a resident or household number."),
    };
}
