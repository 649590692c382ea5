using Parquet;
using Parquet.Schema;

namespace BlindSpot.Pipeline.Reporting;

/// <summary>
/// Counts a quarter's feature values into <see cref="FeatureBins"/>, reading the part files one row group and one column
/// at a time (memory: one column of one row group per part), parts in parallel.
/// </summary>
internal static class FeatureHistogramReader
{
    public static async Task<Dictionary<string, long[]>> CountAsync(string featuresFolder, IReadOnlyDictionary<string, FeatureBins> bins, CancellationToken ct)
    {
        var parts = Core.Partitioning.TableFiles.InFolder(featuresFolder).Select(f => f.Path).ToArray();
        var perPart = new Dictionary<string, long[]>[parts.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, parts.Length), ct, async (p, token) => perPart[p] = await CountPartAsync(parts[p], bins, token).ConfigureAwait(false)).ConfigureAwait(false);
        var total = bins.ToDictionary(b => b.Key, b => new long[b.Value.Count], StringComparer.Ordinal);
        foreach (var part in perPart)
        {
            foreach (var (name, counts) in part)
            {
                for (var i = 0; i < counts.Length; i++)
                {
                    total[name][i] += counts[i];
                }
            }
        }

        return total;
    }

    private static async Task<Dictionary<string, long[]>> CountPartAsync(string path, IReadOnlyDictionary<string, FeatureBins> bins, CancellationToken ct)
    {
        await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: ct).ConfigureAwait(false);
        var fields = reader.Schema.DataFields.Where(f => bins.ContainsKey(f.Name) && f.ClrType == typeof(float)).ToArray();
        var counts = fields.ToDictionary(f => f.Name, f => new long[bins[f.Name].Count], StringComparer.Ordinal);
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var column = new float[checked((int)group.RowCount)];
            foreach (var field in fields)
            {
                await group.ReadAsync(field, column.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
                var featureBins = bins[field.Name];
                var featureCounts = counts[field.Name];
                foreach (var value in column)
                {
                    featureCounts[featureBins.Of(value)]++;
                }
            }
        }

        return counts;
    }
}
