using BlindSpot.Core.Files;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using Parquet;

namespace BlindSpot.Scoring.Evaluation;

/// <summary>
/// Reads the simulator's hidden truth for one variant, keyed by person key. The only place Scoring pseudonymises resident
/// numbers, and only for evaluation: the truth is never a model input.
/// </summary>
internal static class TruthReader
{
    public static Task<Dictionary<long, (bool InCrisis, float Risk)>> ReadAsync(string path, Variant variant, Pseudonymizer pseudonymizer, CancellationToken ct) =>
        ParquetFiles.ReadAsync(path, "the simulation's truth", () => ReadUnguardedAsync(path, variant, pseudonymizer, ct));

    private static async Task<Dictionary<long, (bool InCrisis, float Risk)>> ReadUnguardedAsync(string path, Variant variant, Pseudonymizer pseudonymizer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pseudonymizer);
        var result = new Dictionary<long, (bool, float)>();
        await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: ct).ConfigureAwait(false);
        var fields = reader.Schema.DataFields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var code = variant.ToCode();
        foreach (var name in new[] { "resident_no", code + "_in_crisis", code + "_risk" }.Where(n => !fields.ContainsKey(n)))
        {
            throw new InvalidDataException($"{path}: column '{name}' is missing from the truth file.");
        }

        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var rows = checked((int)group.RowCount);
            var residents = new string?[rows];
            var crisis = new bool[rows];
            var risk = new float[rows];
            await group.ReadAsync(fields["resident_no"], residents.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            await group.ReadAsync(fields[code + "_in_crisis"], crisis.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            await group.ReadAsync(fields[code + "_risk"], risk.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            for (var r = 0; r < rows; r++)
            {
                result[pseudonymizer.Person(residents[r] ?? "").Value] = (crisis[r], risk[r]);
            }
        }

        return result;
    }
}
