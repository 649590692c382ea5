using BlindSpot.Core.Files;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using Parquet;
using Parquet.Schema;

namespace BlindSpot.Scoring.Data;

/// <summary>Reads the labels of one quarter for one variant; an unknown outcome is an error, never a silent negative.</summary>
internal static class LabelReader
{
    public static async Task<IReadOnlyList<LabelRow>> ReadAsync(DataRoot root, Quarter quarter, Variant variant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(root);
        var path = root.Labels(quarter);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no labels for {quarter}: import the municipalities' reported outcomes first, with 'blindspot outcomes import <file> --quarter {quarter}'.", path);
        }

        var code = variant.ToCode();
        var result = new List<LabelRow>();
        return await ParquetFiles.ReadAsync(path, $"the labels of {quarter}", () => ReadFileAsync(path, code, result, ct)).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<LabelRow>> ReadFileAsync(string path, string code, List<LabelRow> result, CancellationToken ct)
    {
        await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: ct).ConfigureAwait(false);
        var fields = reader.Schema.DataFields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var rows = checked((int)group.RowCount);
            var keys = new long[rows];
            await group.ReadAsync(Field(fields, path, LabelValues.PersonKey), keys.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            var variants = await Strings(group, Field(fields, path, LabelValues.Variant), rows, ct).ConfigureAwait(false);
            var outcomes = await Strings(group, Field(fields, path, LabelValues.Outcome), rows, ct).ConfigureAwait(false);
            var selected = await Strings(group, Field(fields, path, LabelValues.SelectedBy), rows, ct).ConfigureAwait(false);
            for (var r = 0; r < rows; r++)
            {
                if (variants[r] != code)
                {
                    continue;
                }

                if (!LabelValues.Outcomes.Contains(outcomes[r]))
                {
                    throw new InvalidDataException($"{path}: row {r} has outcome '{outcomes[r]}'; expected one of {string.Join(", ", LabelValues.Outcomes)}.");
                }

                result.Add(new LabelRow(keys[r], code, outcomes[r], selected[r]));
            }
        }

        return result;
    }

    private static DataField Field(Dictionary<string, DataField> fields, string path, string name) =>
        fields.TryGetValue(name, out var field) ? field : throw new InvalidDataException($"{path}: column '{name}' is missing from the labels file.");

    private static async Task<string[]> Strings(ParquetRowGroupReader group, DataField field, int rows, CancellationToken ct)
    {
        var values = new string?[rows];
        await group.ReadAsync(field, values.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
        return Array.ConvertAll(values, v => v ?? "");
    }
}
