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

    /// <summary>Writes the buffered rows as one row group and empties the batch.</summary>
    public async Task FlushAsync(ParquetWriter writer, CancellationToken cancellationToken)
    {
        using (var group = writer.CreateRowGroup())
        {
            await group.WriteAsync<long>(keyField, new ReadOnlyMemory<long>(keys, 0, Count), cancellationToken: cancellationToken);
            foreach (var column in Columns)
            {
                await column.WriteAsync(group, cancellationToken);
            }

            await group.WriteAsync<long>(lineField, new ReadOnlyMemory<long>(lines, 0, Count), cancellationToken: cancellationToken);
        }

        foreach (var column in Columns)
        {
            column.Clear();
        }

        Count = 0;
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
