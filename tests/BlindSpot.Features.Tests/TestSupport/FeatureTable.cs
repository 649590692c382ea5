using Parquet;

namespace BlindSpot.Features.Tests.TestSupport;

/// <summary>Reads every part file of a features folder back into name → values, keyed by person, for assertions.</summary>
internal sealed class FeatureTable
{
    private readonly Dictionary<long, int> rowOf = [];
    private readonly Dictionary<string, List<object?>> columns = [];

    public int Rows => rowOf.Count;

    public IReadOnlyList<string> Files { get; private set; } = [];

    public static async Task<FeatureTable> ReadAsync(string folder)
    {
        var table = new FeatureTable();
        table.Files = [.. Core.Partitioning.TableFiles.InFolder(folder).Select(f => Path.GetRelativePath(folder, f.Path))];
        foreach (var file in table.Files)
        {
            await using var reader = await ParquetReader.CreateAsync(Path.Combine(folder, file));
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var rows = (int)group.RowCount;
                foreach (var field in reader.Schema.DataFields)
                {
                    var values = field.ClrType == typeof(float) ? (await Read<float>(group, field, rows)).Cast<object?>()
                        : field.ClrType == typeof(long) ? (await Read<long>(group, field, rows)).Cast<object?>()
                        : field.ClrType == typeof(bool) ? (await Read<bool>(group, field, rows)).Cast<object?>()
                        : (await ReadStrings(group, field, rows)).Cast<object?>();
                    if (!table.columns.TryGetValue(field.Name, out var list))
                    {
                        table.columns[field.Name] = list = [];
                    }

                    list.AddRange(values);
                }
            }
        }

        var keys = table.columns["person_key"];
        for (var i = 0; i < keys.Count; i++)
        {
            table.rowOf[(long)keys[i]!] = i;
        }

        return table;
    }

    public float Feature(long person, string name) => (float)columns[name][rowOf[person]]!;

    public object? Value(long person, string name) => columns[name][rowOf[person]];

    public IEnumerable<float> Column(string name) => columns[name].Select(v => (float)v!);

    public IReadOnlyCollection<string> Names => columns.Keys;

    private static async Task<T[]> Read<T>(ParquetRowGroupReader group, Parquet.Schema.DataField field, int rows)
        where T : struct
    {
        var values = new T[rows];
        await group.ReadAsync(field, values.AsMemory());
        return values;
    }

    private static async Task<string?[]> ReadStrings(ParquetRowGroupReader group, Parquet.Schema.DataField field, int rows)
    {
        var values = new string?[rows];
        await group.ReadAsync(field, values.AsMemory());
        return values;
    }
}
