using BlindSpot.Core.Partitioning;
using Parquet;
using Parquet.Schema;

namespace BlindSpot.Core.Contracts;

/// <summary>
/// The one reader of the roster (<c>roster/&lt;Q&gt;/bucket=NNN/part-0.parquet</c>, listed by <see cref="TableFiles"/>):
/// Ingestion's key index, Features and Dispatch each open it with the columns they need and read them a row group at a
/// time into their own buffers, so each keeps its dense arrays and nothing is materialised per row. Columns are found by
/// name (<see cref="RosterColumns"/>), so file order does not matter.
/// </summary>
/// <remarks>
/// Over several buckets the row groups come in the roster's global order, (시군구, household, person), as one unbucketed
/// file had them: every row group of a bucket file holds one 시군구 (named in its metadata,
/// <see cref="BucketLayout.RowGroupSigunguKey"/>), and buckets are household-key ranges (<see cref="Buckets"/>), so the
/// global order is each 시군구's row groups bucket after bucket. Nothing is read to find that order.
/// </remarks>
public sealed class RosterFileReader : IAsyncDisposable
{
    private readonly ParquetReader[] readers;
    private readonly (int File, int Group)[] order;
    private readonly Dictionary<string, DataField>[] fields;

    private RosterFileReader(string path, ParquetReader[] readers, Dictionary<string, DataField>[] fields, (int File, int Group)[] order)
    {
        Path = path;
        this.readers = readers;
        this.fields = fields;
        this.order = order;
        People = checked((int)readers.Sum(r => r.RowGroups.Sum(g => g.RowCount)));
        LargestRowGroup = order.Length == 0 ? 0 : checked((int)order.Max(o => readers[o.File].RowGroups[o.Group].RowCount));
    }

    /// <summary>What was read, for messages: the roster folder (or the one file).</summary>
    public string Path { get; }

    /// <summary>Rows in all the files, from their footers.</summary>
    public int People { get; }

    /// <summary>Number of row groups over all the files.</summary>
    public int RowGroupCount => order.Length;

    /// <summary>Rows in the largest row group: the size of a buffer that holds any of them.</summary>
    public int LargestRowGroup { get; }

    /// <summary>Opens every bucket of the quarter's roster (see <see cref="OpenAsync(string, IReadOnlyList{string}, IReadOnlyList{string}, CancellationToken)"/>).</summary>
    public static Task<RosterFileReader> OpenAsync(Paths.DataRoot root, Quarters.Quarter quarter, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(root);
        return OpenAsync(root.RosterFolder(quarter), TableFiles.Roster(root, quarter).Paths(), columns, cancellationToken);
    }

    /// <summary>
    /// Opens <paramref name="files"/> (bucket order, from <see cref="TableFiles"/>) for reading <paramref name="columns"/>
    /// (names from <see cref="RosterColumns"/>). No file is a <see cref="FileNotFoundException"/> saying to ingest the
    /// quarter; a missing column an <see cref="InvalidDataException"/> naming file and column, as is a bucket file of
    /// several without its row groups' 시군구. Library failures are left to the caller's guard (<see cref="Files.ParquetFiles"/>).
    /// </summary>
    public static async Task<RosterFileReader> OpenAsync(string path, IReadOnlyList<string> files, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(columns);
        if (files.Count == 0)
        {
            throw new FileNotFoundException($"{path}: the quarter's roster is missing; run 'blindspot ingest' for the quarter first.", path);
        }

        var readers = new List<ParquetReader>();
        try
        {
            var fields = new Dictionary<string, DataField>[files.Count];
            var groups = new List<(string Sigungu, int File, int Group)>();
            for (var f = 0; f < files.Count; f++)
            {
                var reader = await ParquetReader.CreateAsync(files[f], new ParquetOptions { UseDateOnlyTypeForDates = true }, cancellationToken: cancellationToken).ConfigureAwait(false);
                readers.Add(reader);
                fields[f] = Fields(files[f], reader, columns);
                var sigungu = SigunguOfGroups(files[f], reader, files.Count > 1);
                groups.AddRange(Enumerable.Range(0, reader.RowGroupCount).Select(g => (sigungu[g], f, g)));
            }

            // Stable: within one 시군구, bucket (file) order, then the file's own group order.
            var order = groups.OrderBy(g => g.Sigungu, StringComparer.Ordinal).ThenBy(g => g.File).ThenBy(g => g.Group).Select(g => (g.File, g.Group)).ToArray();
            return new RosterFileReader(files.Count == 1 ? files[0] : path, [.. readers], fields, order);
        }
        catch
        {
            foreach (var reader in readers)
            {
                await reader.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>Opens row group <paramref name="index"/> (in the global order); dispose it before opening the next.</summary>
    public RosterRowGroup OpenRowGroup(int index)
    {
        var (file, group) = order[index];
        return new(readers[file].OpenRowGroupReader(group), fields[file]);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var reader in readers)
        {
            await reader.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static Dictionary<string, DataField> Fields(string file, ParquetReader reader, IReadOnlyList<string> columns)
    {
        var fields = new Dictionary<string, DataField>(StringComparer.Ordinal);
        foreach (var name in columns)
        {
            fields[name] = reader.Schema.DataFields.FirstOrDefault(f => f.Name == name)
                ?? throw new InvalidDataException($"{file}: the roster has no column '{name}'; it was not written by this version's ingestion; re-ingest the quarter.");
        }

        return fields;
    }

    // One file alone keeps its own order, whatever its metadata; several are merged by their groups' 시군구.
    private static string[] SigunguOfGroups(string file, ParquetReader reader, bool required)
    {
        if (reader.CustomMetadata.TryGetValue(BucketLayout.RowGroupSigunguKey, out var list) && list.Split(',') is { } codes && codes.Length == reader.RowGroupCount)
        {
            return codes;
        }

        if (!required || reader.RowGroupCount == 0)
        {
            return [.. Enumerable.Repeat(string.Empty, reader.RowGroupCount)];
        }

        throw new InvalidDataException($"{file}: the roster bucket does not say which 시군구 each row group holds ('{BucketLayout.RowGroupSigunguKey}'); it was not written by this version's ingestion; re-ingest the quarter.");
    }
}
