using Parquet;
using Parquet.Schema;

namespace BlindSpot.Core.Contracts;

/// <summary>One row group of the roster, open for column reads into caller-provided buffers (see <see cref="RosterFileReader"/>).</summary>
public sealed class RosterRowGroup : IDisposable
{
    private readonly ParquetRowGroupReader group;
    private readonly Dictionary<string, DataField> fields;

    internal RosterRowGroup(ParquetRowGroupReader group, Dictionary<string, DataField> fields)
    {
        this.group = group;
        this.fields = fields;
        Rows = checked((int)group.RowCount);
    }

    /// <summary>Rows in this group.</summary>
    public int Rows { get; }

    /// <summary>
    /// Reads <paramref name="column"/> (one opened with the file) into the first <see cref="Rows"/> places of
    /// <paramref name="destination"/>. Text columns read as <see cref="ReadOnlyMemory{T}"/> of char: Parquet.Net makes a
    /// new string per row for a string array, even from a dictionary page, which at 9 million rows cost seconds.
    /// </summary>
    public async Task ReadAsync<T>(string column, Memory<T> destination, CancellationToken cancellationToken)
        where T : struct
    {
        if (!fields.TryGetValue(column, out var field))
        {
            throw new ArgumentException($"Column '{column}' was not named when the roster was opened.", nameof(column));
        }

        await group.ReadAsync(field, destination[..Rows], cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => group.Dispose();
}
