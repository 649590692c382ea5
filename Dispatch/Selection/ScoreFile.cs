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

    /// <summary>
    /// The first <paramref name="rows"/> of the national ranking (fewer when the file has fewer), read a row group at a
    /// time from the top: the score file is written in national-rank order (score's reduce merges the shards in rank
    /// order), so its file row r holds rank r + 1, which is checked. <c>Complete</c> says the prefix is the whole ranking.
    /// </summary>
    public static Task<RankingPrefix> ReadPrefixAsync(string path, int rows, CancellationToken ct) =>
        ParquetFiles.ReadAsync(path, "the scores' ranking", () => ScanAsync(path, rows, null, ct));

    /// <summary>
    /// The rows of the whole ranking whose person key <paramref name="keep"/> accepts, in rank order, read a row group
    /// at a time (a cohort's walk needs its members' rows only, not the population's).
    /// </summary>
    public static Task<RankingPrefix> FilterAsync(string path, Func<long, bool> keep, CancellationToken ct) =>
        ParquetFiles.ReadAsync(path, "the scores' ranking", () => ScanAsync(path, int.MaxValue, keep, ct));

    private static async Task<RankingPrefix> ScanAsync(string path, int wanted, Func<long, bool>? keep, CancellationToken ct)
    {
        await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: ct).ConfigureAwait(false);
        var total = checked((int)reader.RowGroups.Sum(g => g.RowCount));
        var taken = new List<ScoredPerson>(keep is null ? Math.Min(wanted, total) : 0);
        var offset = 0;
        for (var g = 0; g < reader.RowGroupCount && offset < wanted; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var rows = checked((int)group.RowCount);
            var keys = new long[rows];
            var ranks = new int[rows];
            await group.ReadAsync(Field(reader, Core.Contracts.KeyColumns.PersonKey, path), keys.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            await ReadRanksAsync(group, Field(reader, "national_rank", path), ranks, ct).ConfigureAwait(false);
            var scores = new float[rows];
            await group.ReadAsync(Field(reader, "score", path), scores.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            var end = (int)Math.Min(rows, (long)wanted - offset);
            for (var k = 0; k < end; k++)
            {
                if (ranks[k] != offset + k + 1)
                {
                    throw new InvalidDataException($"{path}: row {offset + k} has national_rank {ranks[k]}; the scores must be in national-rank order (row r holds rank r + 1, as 'blindspot score' writes them). Re-run 'blindspot score'.");
                }

                if (keep is null || keep(keys[k]))
                {
                    taken.Add(new ScoredPerson(keys[k], scores[k], ranks[k], offset + k));
                }
            }

            offset += end;
        }

        var version = reader.CustomMetadata.TryGetValue(ScoreFileMetadata.ModelVersion, out var v) ? v : "unknown";
        return new RankingPrefix(taken, offset >= total, total, version);
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

/// <summary>Rows from the top of a variant's ranking (or the rows a filter kept), whether they reach its end, its length and model.</summary>
internal sealed record RankingPrefix(IReadOnlyList<ScoredPerson> Rows, bool Complete, int Total, string ModelVersion);
