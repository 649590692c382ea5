using BlindSpot.Core.Files;
using BlindSpot.Core.Contracts;
using Parquet;
using Parquet.Schema;

namespace BlindSpot.Dispatch.Selection;

/// <summary>
/// Reads <c>scores/&lt;Q&gt;/&lt;variant&gt;.parquet</c>: the national ranking (pass one, numbers only) and, for the people
/// selected, the reason columns (pass two), so 9 million rows never become strings.
/// </summary>
internal static class ScoreFile
{
    public const int ReasonCount = 3;

    /// <summary>Everyone scored, in national rank order (rank 1 first).</summary>
    public static Task<(ScoredPerson[] Ranking, string ModelVersion)> ReadRankingAsync(string path, CancellationToken ct) =>
        ParquetFiles.ReadAsync(path, "the scores' ranking", () => ReadRankingUnguardedAsync(path, ct));

    private static async Task<(ScoredPerson[] Ranking, string ModelVersion)> ReadRankingUnguardedAsync(string path, CancellationToken ct)
    {
        await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: ct).ConfigureAwait(false);
        var total = checked((int)reader.RowGroups.Sum(g => g.RowCount));
        var ranking = new ScoredPerson[total];
        var filled = new bool[total];
        var offset = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var rows = checked((int)group.RowCount);
            var keys = new long[rows];
            var scores = new float[rows];
            var ranks = new int[rows];
            await group.ReadAsync(Field(reader, Core.Contracts.KeyColumns.PersonKey, path), keys.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            await group.ReadAsync(Field(reader, "score", path), scores.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            await ReadRanksAsync(group, Field(reader, "national_rank", path), ranks, ct).ConfigureAwait(false);
            for (var k = 0; k < rows; k++)
            {
                var rank = ranks[k];
                if (rank < 1 || rank > total || filled[rank - 1])
                {
                    throw new InvalidDataException($"{path}: row {offset + k} has national_rank {rank}; ranks must be a permutation of 1..{total}. Re-run 'blindspot score'.");
                }

                filled[rank - 1] = true;
                ranking[rank - 1] = new ScoredPerson(keys[k], scores[k], rank, offset + k);
            }

            offset += rows;
        }

        var version = reader.CustomMetadata.TryGetValue(ScoreFileMetadata.ModelVersion, out var v) ? v : "unknown";
        return (ranking, version);
    }

    /// <summary>The reason feature names and values of the given file rows.</summary>
    public static Task<Dictionary<int, (string Feature, float Value)[]>> ReadReasonsAsync(string path, IReadOnlyCollection<int> rows, CancellationToken ct) =>
        ParquetFiles.ReadAsync(path, "the scores' reasons", () => ReadReasonsUnguardedAsync(path, rows, ct));

    private static async Task<Dictionary<int, (string Feature, float Value)[]>> ReadReasonsUnguardedAsync(string path, IReadOnlyCollection<int> rows, CancellationToken ct)
    {
        var wanted = rows.ToHashSet();
        var result = new Dictionary<int, (string, float)[]>();
        await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: ct).ConfigureAwait(false);
        var offset = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = checked((int)group.RowCount);
            if (!wanted.Any(r => r >= offset && r < offset + count))
            {
                offset += count;
                continue;
            }

            var names = new string?[ReasonCount][];
            var values = new float?[ReasonCount][];
            for (var r = 0; r < ReasonCount; r++)
            {
                names[r] = new string?[count];
                values[r] = new float?[count];
                await group.ReadAsync(Field(reader, $"reason_{r + 1}", path), names[r].AsMemory(), cancellationToken: ct).ConfigureAwait(false);
                await ReadNullableFloatsAsync(group, Field(reader, $"reason_value_{r + 1}", path), values[r], ct).ConfigureAwait(false);
            }

            for (var k = 0; k < count; k++)
            {
                if (wanted.Contains(offset + k))
                {
                    result[offset + k] = [.. Enumerable.Range(0, ReasonCount).Where(r => names[r][k] is not null).Select(r => (names[r][k]!, values[r][k] ?? 0f))];
                }
            }

            offset += count;
        }

        return result;
    }

    private static async Task ReadRanksAsync(ParquetRowGroupReader group, DataField field, int[] target, CancellationToken ct)
    {
        if (field.ClrType == typeof(long))
        {
            var wide = new long[target.Length];
            await group.ReadAsync(field, wide.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            for (var i = 0; i < wide.Length; i++)
            {
                target[i] = checked((int)wide[i]);
            }

            return;
        }

        await group.ReadAsync(field, target.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
    }

    private static async Task ReadNullableFloatsAsync(ParquetRowGroupReader group, DataField field, float?[] target, CancellationToken ct)
    {
        if (field.IsNullable)
        {
            await group.ReadAsync(field, target.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            return;
        }

        var values = new float[target.Length];
        await group.ReadAsync(field, values.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
        for (var i = 0; i < values.Length; i++)
        {
            target[i] = values[i];
        }
    }

    private static DataField Field(ParquetReader reader, string name, string path) =>
        reader.Schema.DataFields.FirstOrDefault(f => f.Name == name)
        ?? throw new InvalidDataException($"{path}: the scores file has no column '{name}'; re-run 'blindspot score' with this version.");
}
