using Parquet;
using Parquet.Schema;

namespace BlindSpot.Core.Contracts;

/// <summary>
/// The one reader of <c>roster/&lt;Q&gt;.parquet</c>: Ingestion's key index, Features and Dispatch each open it with the
/// columns they need and read them a row group at a time into their own buffers, so each keeps its dense arrays and
/// nothing is materialised per row. Columns are found by name (<see cref="RosterColumns"/>), so file order does not matter.
/// </summary>
public sealed class RosterFileReader : IAsyncDisposable
{
    private readonly ParquetReader reader;
    private readonly Dictionary<string, DataField> fields;

    private RosterFileReader(string path, ParquetReader reader, Dictionary<string, DataField> fields)
    {
        Path = path;
        this.reader = reader;
        this.fields = fields;
        People = checked((int)reader.RowGroups.Sum(g => g.RowCount));
        LargestRowGroup = reader.RowGroupCount == 0 ? 0 : checked((int)reader.RowGroups.Max(g => g.RowCount));
    }

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary>Rows in the file, from its footer.</summary>
    public int People { get; }

    /// <summary>Number of row groups.</summary>
    public int RowGroupCount => reader.RowGroupCount;

    /// <summary>Rows in the largest row group: the size of a buffer that holds any of them.</summary>
    public int LargestRowGroup { get; }

    /// <summary>
    /// Opens <paramref name="path"/> for reading <paramref name="columns"/> (names from <see cref="RosterColumns"/>).
    /// A missing file is a <see cref="FileNotFoundException"/> saying to ingest the quarter; a missing column an
    /// <see cref="InvalidDataException"/> naming file and column. Library failures are left to the caller's guard
    /// (<see cref="Files.ParquetFiles"/>).
    /// </summary>
    public static async Task<RosterFileReader> OpenAsync(string path, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: the quarter's roster is missing; run 'blindspot ingest' for the quarter first.", path);
        }

        var reader = await ParquetReader.CreateAsync(path, new ParquetOptions { UseDateOnlyTypeForDates = true }, cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            var fields = new Dictionary<string, DataField>(StringComparer.Ordinal);
            foreach (var name in columns)
            {
                fields[name] = reader.Schema.DataFields.FirstOrDefault(f => f.Name == name)
                    ?? throw new InvalidDataException($"{path}: the roster has no column '{name}'; it was not written by this version's ingestion; re-ingest the quarter.");
            }

            return new RosterFileReader(path, reader, fields);
        }
        catch
        {
            await reader.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens row group <paramref name="index"/>; dispose it before opening the next.</summary>
    public RosterRowGroup OpenRowGroup(int index) => new(reader.OpenRowGroupReader(index), fields);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => reader.DisposeAsync();
}
