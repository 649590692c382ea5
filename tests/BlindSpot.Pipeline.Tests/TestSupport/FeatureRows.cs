using System.Globalization;
using System.Text;
using BlindSpot.Core.Partitioning;
using Parquet;

namespace BlindSpot.Pipeline.Tests.TestSupport;

/// <summary>
/// Every row of a quarter's feature parts (all buckets) as person key → SHA-256 of the row's values as exact text (column
/// names, floats as their bits), so builds split into different buckets can be compared row by row whatever file each
/// row landed in.
/// </summary>
internal static class FeatureRows
{
    public static async Task<SortedDictionary<long, string>> ReadAsync(string featuresFolder)
    {
        var rows = new SortedDictionary<long, string>();
        foreach (var file in TableFiles.InFolder(featuresFolder))
        {
            await using var reader = await ParquetReader.CreateAsync(file.Path);
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var count = (int)group.RowCount;
                // One running hash per row, fed column by column: the rows' text whole (300 columns with history) would take a gigabyte.
                var hashes = Enumerable.Range(0, count).Select(_ => System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256)).ToArray();
                long[] keys = [];
                foreach (var field in reader.Schema.DataFields)
                {
                    var values = await ReadTextAsync(group, field, count);
                    if (field.Name == Core.Contracts.KeyColumns.PersonKey)
                    {
                        keys = [.. values.Select(v => long.Parse(v, CultureInfo.InvariantCulture))];
                    }

                    for (var r = 0; r < count; r++)
                    {
                        hashes[r].AppendData(Encoding.UTF8.GetBytes($"{field.Name}={values[r]};"));
                    }
                }

                for (var r = 0; r < count; r++)
                {
                    var hash = Convert.ToHexString(hashes[r].GetHashAndReset());
                    hashes[r].Dispose();
                    Assert.That(rows.TryAdd(keys[r], hash), Is.True, $"{file.Path}: person {keys[r]} is in more than one row");
                }
            }
        }

        return rows;
    }

    private static async Task<string[]> ReadTextAsync(ParquetRowGroupReader group, Parquet.Schema.DataField field, int rows)
    {
        if (field.ClrType == typeof(float))
        {
            var values = new float[rows];
            await group.ReadAsync(field, values.AsMemory());
            return [.. values.Select(v => BitConverter.SingleToInt32Bits(v).ToString("X8", CultureInfo.InvariantCulture))];
        }

        if (field.ClrType == typeof(long))
        {
            var values = new long[rows];
            await group.ReadAsync(field, values.AsMemory());
            return [.. values.Select(v => v.ToString(CultureInfo.InvariantCulture))];
        }

        if (field.ClrType == typeof(bool))
        {
            var values = new bool[rows];
            await group.ReadAsync(field, values.AsMemory());
            return [.. values.Select(v => v ? "1" : "0")];
        }

        var strings = new string?[rows];
        await group.ReadAsync(field, strings.AsMemory());
        return [.. strings.Select(v => v ?? "<null>")];
    }
}
