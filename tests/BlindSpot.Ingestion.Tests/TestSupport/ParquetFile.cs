using Parquet;
using Parquet.Meta;

namespace BlindSpot.Ingestion.Tests.TestSupport;

/// <summary>Reads back what ingestion wrote, with Parquet.Net's low-level API, as another reader of the lake would.</summary>
internal static class ParquetFile
{
    /// <summary>"name TYPE[/DATE|/UTF8] REQUIRED|OPTIONAL" per column, in file order: the contract as written.</summary>
    public static async Task<IReadOnlyList<string>> SchemaAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        return [.. reader.Metadata!.Schema.Skip(1).Select(Describe)];
    }

    /// <summary>The encodings of <paramref name="column"/>'s chunk in every row group, as the footer records them.</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<Encoding>>> EncodingsAsync(string path, string column)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        return [.. reader.Metadata!.RowGroups.Select(g => (IReadOnlyList<Encoding>)g.Columns.Single(c => c.MetaData!.PathInSchema.SequenceEqual([column])).MetaData!.Encodings)];
    }

    public static async Task<T[]> ReadAsync<T>(string path, string column)
        where T : struct
    {
        await using var reader = await ParquetReader.CreateAsync(path, new ParquetOptions { UseDateOnlyTypeForDates = true });
        var field = reader.Schema.DataFields.Single(f => f.Name == column);
        var values = new List<T>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var buffer = new T[group.RowCount];
            await group.ReadAsync<T>(field, buffer);
            values.AddRange(buffer);
        }

        return [.. values];
    }

    public static async Task<string?[]> ReadStringsAsync(string path, string column)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var field = reader.Schema.DataFields.Single(f => f.Name == column);
        var values = new List<string?>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var buffer = new string?[group.RowCount];
            await group.ReadAsync(field, buffer.AsMemory());
            values.AddRange(buffer);
        }

        return [.. values];
    }

    private static string Describe(SchemaElement element)
    {
        var logical = element.LogicalType?.DATE is not null ? "/DATE" : element.ConvertedType == ConvertedType.UTF8 ? "/UTF8" : "";
        return $"{element.Name} {element.Type}{logical} {element.RepetitionType}";
    }
}
