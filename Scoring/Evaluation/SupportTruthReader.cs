using BlindSpot.Core.Catalog;
using BlindSpot.Core.Files;
using BlindSpot.Core.Keys;
using Parquet;

namespace BlindSpot.Scoring.Evaluation;

/// <summary>
/// Reads, from the simulator's truth, who was supported in the previous quarter's dispatch and whether they are in crisis
/// now for one variant, keyed by person key (pseudonymised here, as in <see cref="TruthReader"/>). Returns null when the
/// truth predates the <c>supported_last_quarter</c> column.
/// </summary>
internal static class SupportTruthReader
{
    public const string SupportedColumn = "supported_last_quarter";

    /// <summary>One person's support and crisis; <c>Household</c> is an index local to this read, for clustering only.</summary>
    public readonly record struct Row(bool Supported, bool InCrisis, int Household);

    public static Task<Dictionary<long, Row>?> ReadAsync(string path, Variant variant, Pseudonymizer pseudonymizer, CancellationToken ct) =>
        ParquetFiles.ReadAsync(path, "the simulation's truth", () => ReadUnguardedAsync(path, variant, pseudonymizer, ct));

    private static async Task<Dictionary<long, Row>?> ReadUnguardedAsync(string path, Variant variant, Pseudonymizer pseudonymizer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pseudonymizer);
        await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: ct).ConfigureAwait(false);
        var fields = reader.Schema.DataFields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        if (!fields.ContainsKey(SupportedColumn))
        {
            return null;
        }

        var crisisColumn = variant.ToCode() + "_in_crisis";
        foreach (var name in new[] { "resident_no", "household_no", crisisColumn }.Where(n => !fields.ContainsKey(n)))
        {
            throw new InvalidDataException($"{path}: column '{name}' is missing from the truth file.");
        }

        var result = new Dictionary<long, Row>();
        var households = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var rows = checked((int)group.RowCount);
            var residents = new string?[rows];
            var household = new string?[rows];
            var crisis = new bool[rows];
            var supported = new bool[rows];
            await group.ReadAsync(fields["resident_no"], residents.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            await group.ReadAsync(fields["household_no"], household.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            await group.ReadAsync(fields[crisisColumn], crisis.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            await group.ReadAsync(fields[SupportedColumn], supported.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            for (var r = 0; r < rows; r++)
            {
                var name = household[r] ?? "";
                if (!households.TryGetValue(name, out var index))
                {
                    index = households.Count;
                    households[name] = index;
                }

                result[pseudonymizer.Person(residents[r] ?? "").Value] = new Row(supported[r], crisis[r], index);
            }
        }

        return result;
    }
}
