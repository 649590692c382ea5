using BlindSpot.Core.Catalog;
using Parquet;
using Parquet.Schema;

namespace BlindSpot.Ingestion.Lake;

/// <summary>
/// One catalog column on its way to the lake: parses and validates a field, holds the value until the whole record
/// is valid (<see cref="Commit"/>), and buffers a row group's values as a typed array for Parquet's column writer.
/// Not thread-safe: one per feed being ingested.
/// </summary>
internal abstract class ColumnSink
{
    protected ColumnSink(ColumnDefinition column)
    {
        Column = column;
    }

    public ColumnDefinition Column { get; }

    /// <summary>The lake column: the catalog name, its Parquet type, nullable where the catalog says so.</summary>
    public abstract DataField Field { get; }

    /// <summary>Parses and validates <paramref name="utf8"/>; returns null when valid (value held for <see cref="Commit"/>), else the reason.</summary>
    public abstract string? Stage(ReadOnlySpan<byte> utf8);

    /// <summary>Appends the value staged last to the row group's buffer.</summary>
    public abstract void Commit();

    /// <summary>Writes the buffered values at <paramref name="rows"/> (indexes into the buffer, in order) as this column of a row group.</summary>
    public abstract ValueTask WriteAsync(ParquetRowGroupWriter writer, ReadOnlyMemory<int> rows, CancellationToken cancellationToken);

    /// <summary>Empties the buffer after a row group was written.</summary>
    public abstract void Clear();
}
