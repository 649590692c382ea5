using BlindSpot.Core.Catalog;
using BlindSpot.Core.Files;
using Parquet;
using Parquet.Schema;

namespace BlindSpot.Scoring.Data;

/// <summary>
/// Streams a part file one row group at a time with the low-level column API (PITFALLS: faster than the serializer),
/// filling the row-major matrix column by column, so memory holds one row group, never the whole population.
/// </summary>
internal static class FeatureBlockReader
{
    /// <summary>
    /// Every row group of <paramref name="path"/>, or only the groups where
    /// <paramref name="wanted"/> says a key is needed (the features of groups without one are not decoded).
    /// </summary>
    public static IAsyncEnumerable<FeatureBlock> ReadAsync(string path, IReadOnlyList<string> featureNames, Func<long, bool>? wanted = null, CancellationToken ct = default) =>
        ParquetFiles.ReadAsync(path, "a features part", ReadUnguardedAsync(path, featureNames, wanted, ct), ct);

    private static async IAsyncEnumerable<FeatureBlock> ReadUnguardedAsync(string path, IReadOnlyList<string> featureNames, Func<long, bool>? wanted, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: ct).ConfigureAwait(false);
        var fields = reader.Schema.DataFields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var featureFields = featureNames.Select(name => fields.TryGetValue(name, out var field)
            ? field
            : throw new InvalidDataException($"{path}: feature column '{name}' is missing; the features were built with another schema.")).ToArray();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var rows = checked((int)group.RowCount);
            var keys = await ReadValues<long>(group, Field(fields, path, FeatureFileColumns.PersonKey), rows, ct).ConfigureAwait(false);
            if (wanted is not null && !keys.Any(wanted))
            {
                continue;
            }

            var households = await ReadValues<long>(group, Field(fields, path, FeatureFileColumns.HouseholdKey), rows, ct).ConfigureAwait(false);
            var sido = await ReadStrings(group, Field(fields, path, FeatureFileColumns.SidoCode), rows, ct).ConfigureAwait(false);
            var sigungu = await ReadStrings(group, Field(fields, path, FeatureFileColumns.SigunguCode), rows, ct).ConfigureAwait(false);
            var eligible = new bool[VariantNames.All.Count][];
            foreach (var variant in VariantNames.All)
            {
                eligible[(int)variant] = await ReadValues<bool>(group, Field(fields, path, FeatureFileColumns.Eligible(variant)), rows, ct).ConfigureAwait(false);
            }

            var width = featureFields.Length;
            var matrix = new float[checked(rows * width)];
            var column = new float[rows];
            for (var c = 0; c < width; c++)
            {
                await group.ReadAsync(featureFields[c], column.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
                for (var r = 0; r < rows; r++)
                {
                    matrix[(r * width) + c] = column[r];
                }
            }

            yield return new FeatureBlock(keys, households, sido, sigungu, eligible, matrix, width);
        }
    }

    private static DataField Field(Dictionary<string, DataField> fields, string path, string name) =>
        fields.TryGetValue(name, out var field) ? field : throw new InvalidDataException($"{path}: column '{name}' is missing; see docs/FEATURES.md for the part-file layout.");

    private static async Task<T[]> ReadValues<T>(ParquetRowGroupReader group, DataField field, int rows, CancellationToken ct)
        where T : struct
    {
        var values = new T[rows];
        await group.ReadAsync(field, values.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
        return values;
    }

    private static async Task<string[]> ReadStrings(ParquetRowGroupReader group, DataField field, int rows, CancellationToken ct)
    {
        var values = new string?[rows];
        await group.ReadAsync(field, values.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
        return Array.ConvertAll(values, v => v ?? "");
    }
}
