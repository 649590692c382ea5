using BlindSpot.Core.Catalog;
using BlindSpot.Core.Files;
using Parquet;
using Parquet.Schema;

namespace BlindSpot.Scoring.Data;

/// <summary>
/// Streams a part file one row group at a time into <see cref="FeatureColumns"/>, decoding only the feature columns asked
/// for (the live models read a fraction of the 140) plus keys, 시군구 and eligibility. Columns land straight in their arrays
/// (no row-major copy), and the arrays are reused from one row group to the next, so memory holds one row group's columns.
/// </summary>
internal static class FeatureColumnReader
{
    /// <param name="path">A <c>features/&lt;Q&gt;/bucket=NNN/part-0.parquet</c> file.</param>
    /// <param name="featureNames">The schema's features in order (the manifest's list).</param>
    /// <param name="read">Positions in <paramref name="featureNames"/> to decode.</param>
    /// <param name="pool">Buffers shared between the parts of one run; <c>null</c> allocates this part's own.</param>
    /// <param name="ct">Cancels between columns.</param>
    /// <returns>The same <see cref="FeatureColumns"/> instance refilled for every row group.</returns>
    public static IAsyncEnumerable<FeatureColumns> ReadAsync(string path, IReadOnlyList<string> featureNames, IReadOnlyList<int> read, FeatureColumnsPool? pool = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(read);
        return ParquetFiles.ReadAsync(path, "a features part", ReadUnguardedAsync(path, featureNames, read, pool, ct), ct);
    }

    private static async IAsyncEnumerable<FeatureColumns> ReadUnguardedAsync(string path, IReadOnlyList<string> featureNames, IReadOnlyList<int> read, FeatureColumnsPool? pool, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: ct).ConfigureAwait(false);
        var fields = reader.Schema.DataFields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var featureFields = read.Select(f => fields.TryGetValue(featureNames[f], out var field)
            ? field
            : throw new InvalidDataException($"{path}: feature column '{featureNames[f]}' is missing; the features were built with another schema.")).ToArray();
        var person = Field(fields, path, FeatureFileColumns.PersonKey);
        var household = Field(fields, path, FeatureFileColumns.HouseholdKey);
        var sigunguField = Field(fields, path, FeatureFileColumns.SigunguCode);
        var eligibleFields = VariantNames.All.Select(v => Field(fields, path, FeatureFileColumns.Eligible(v))).ToArray();
        var capacity = checked((int)reader.RowGroups.Select(g => g.RowCount).DefaultIfEmpty(0).Max());
        var block = pool?.Rent(capacity, read, featureNames.Count) ?? new FeatureColumns(capacity, read, featureNames.Count);
        try
        {
            var codes = new Dictionary<string, string>(StringComparer.Ordinal);
            var sigungu = new string?[capacity];
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var rows = checked((int)group.RowCount);
                block.Rows = rows;
                await group.ReadAsync(person, block.PersonKeys.AsMemory(0, rows), cancellationToken: ct).ConfigureAwait(false);
                await group.ReadAsync(household, block.HouseholdKeys.AsMemory(0, rows), cancellationToken: ct).ConfigureAwait(false);
                await group.ReadAsync(sigunguField, sigungu.AsMemory(0, rows), cancellationToken: ct).ConfigureAwait(false);
                for (var r = 0; r < rows; r++)
                {
                    // One string per 시군구, not one per person: 9M rows share ~250 codes.
                    var code = sigungu[r] ?? "";
                    block.SigunguCodes[r] = codes.TryGetValue(code, out var shared) ? shared : codes[code] = code;
                }

                for (var v = 0; v < eligibleFields.Length; v++)
                {
                    await group.ReadAsync(eligibleFields[v], block.Eligibility[v].AsMemory(0, rows), cancellationToken: ct).ConfigureAwait(false);
                }

                for (var c = 0; c < read.Count; c++)
                {
                    await group.ReadAsync(featureFields[c], block.Features[read[c]]!.AsMemory(0, rows), cancellationToken: ct).ConfigureAwait(false);
                }

                yield return block;
            }
        }
        finally
        {
            pool?.Return(block);
        }
    }

    private static DataField Field(Dictionary<string, DataField> fields, string path, string name) =>
        fields.TryGetValue(name, out var field) ? field : throw new InvalidDataException($"{path}: column '{name}' is missing; see docs/FEATURES.md for the part-file layout.");
}
