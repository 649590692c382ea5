using System.Globalization;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Contracts;
using BlindSpot.Core.Files;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using Parquet;
using Parquet.Schema;

namespace BlindSpot.Dispatch.Discovery;

/// <summary>
/// The scores the own-discovery index needs (grade and 시군구 rank per variant), split by bucket. The score files are
/// national and in rank order, so one pass over each writes every row to a temporary file of its household's bucket
/// (person key, grade, 시군구 rank: 13 bytes), and each bucket reads back only its own: memory never holds the nation's
/// scores. Rows keep the score file's order within a bucket.
/// </summary>
internal sealed class DiscoveryScoreSpill
{
    private readonly string folder;

    private DiscoveryScoreSpill(string folder, int variants)
    {
        this.folder = folder;
        Variants = variants;
    }

    public int Variants { get; }

    /// <summary>
    /// Splits the score file of each of <paramref name="variants"/> (absent ones are skipped) into
    /// <paramref name="folder"/>, graded against <paramref name="quota"/>, each row to <paramref name="bucketOf"/> its
    /// household key.
    /// </summary>
    public static async Task<DiscoveryScoreSpill> WriteAsync(DataRoot root, Quarter quarter, IReadOnlyList<Variant> variants, Func<Variant, int> quota, Func<long, int> bucketOf, string folder, CancellationToken ct)
    {
        PrivateFiles.CreateFolder(folder);
        var spill = new DiscoveryScoreSpill(folder, variants.Count);
        // The variants' files are split at once (each writes files of its own), as many as the machine has cores.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, variants.Count), parallel, async (v, token) =>
        {
            var scores = root.Scores(quarter, variants[v]);
            if (File.Exists(scores))
            {
                var bar = quota(variants[v]);
                await ParquetFiles.ReadAsync(scores, "the scores' ranking", () => spill.SplitAsync(scores, v, bar, bucketOf, token)).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);

        return spill;
    }

    /// <summary>Sets the grade and 시군구 rank of every person of <paramref name="p"/> (bucket <paramref name="bucket"/>) the scores rank; unknown keys are skipped.</summary>
    public void Mark(DiscoveryPopulation p, int bucket)
    {
        for (var v = 0; v < Variants; v++)
        {
            var path = PathOf(v, bucket);
            if (!File.Exists(path))
            {
                continue;
            }

            using var reader = new BinaryReader(File.OpenRead(path));
            while (reader.BaseStream.Position < reader.BaseStream.Length)
            {
                var (key, grade, local) = (reader.ReadInt64(), (DiscoveryGrade)reader.ReadByte(), reader.ReadInt32());
                if (p.PersonIndex.Find(key) is var row and >= 0)
                {
                    p.Grades[v][row] = grade;
                    p.SigunguRanks[v][row] = local;
                }
            }
        }
    }

    private string PathOf(int variant, int bucket) => Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{variant}-{bucket}"));

    private async Task SplitAsync(string path, int variant, int quota, Func<long, int> bucketOf, CancellationToken ct)
    {
        await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: ct).ConfigureAwait(false);
        DataField Field(string name) => reader.Schema.DataFields.FirstOrDefault(f => f.Name == name)
            ?? throw new InvalidDataException($"{path}: the scores file has no column '{name}'; re-run 'blindspot score' with this version.");
        var (keyField, householdField, rankField, localField) = (Field(KeyColumns.PersonKey), Field(KeyColumns.HouseholdKey), Field("national_rank"), Field("sigungu_rank"));
        var writers = new Dictionary<int, BinaryWriter>();
        try
        {
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var rows = checked((int)group.RowCount);
                var keys = new long[rows];
                var households = new long[rows];
                await group.ReadAsync(keyField, keys.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
                await group.ReadAsync(householdField, households.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
                var ranks = await IntsAsync(group, rankField, rows, ct).ConfigureAwait(false);
                var local = await IntsAsync(group, localField, rows, ct).ConfigureAwait(false);
                for (var k = 0; k < rows; k++)
                {
                    var bucket = bucketOf(households[k]);
                    if (!writers.TryGetValue(bucket, out var writer))
                    {
                        writer = writers[bucket] = new BinaryWriter(PrivateFiles.Create(PathOf(variant, bucket)));
                    }

                    writer.Write(keys[k]);
                    writer.Write((byte)DiscoveryGrades.Of(ranks[k], quota));
                    writer.Write(local[k]);
                }
            }
        }
        finally
        {
            foreach (var writer in writers.Values)
            {
                writer.Dispose();
            }
        }
    }

    private static async Task<int[]> IntsAsync(ParquetRowGroupReader group, DataField field, int rows, CancellationToken ct)
    {
        var values = new int[rows];
        if (field.ClrType == typeof(long))
        {
            var wide = new long[rows];
            await group.ReadAsync(field, wide.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            for (var i = 0; i < rows; i++)
            {
                values[i] = checked((int)wide[i]);
            }

            return values;
        }

        await group.ReadAsync(field, values.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
        return values;
    }
}
