using Parquet;
using Parquet.Schema;

namespace BlindSpot.Scoring.Tests.TestSupport;

/// <summary>A scores file read back whole, column by column, with its key-value metadata, for assertions.</summary>
internal sealed record ScoreTable(long[] PersonKeys, string[] Sigungu, float[] Scores, float[] Raw, int[] NationalRanks, int[] SigunguRanks, string?[][] Reasons, float?[][] ReasonValues, IReadOnlyDictionary<string, string> Metadata)
{
    public int Rows => PersonKeys.Length;

    public static async Task<ScoreTable> ReadAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.DataFields.ToDictionary(f => f.Name);
        var keys = new List<long>();
        var sigungu = new List<string>();
        var scores = new List<float>();
        var raw = new List<float>();
        var national = new List<int>();
        var local = new List<int>();
        var reasons = new[] { new List<string?>(), new List<string?>(), new List<string?>() };
        var values = new[] { new List<float?>(), new List<float?>(), new List<float?>() };
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var rows = (int)group.RowCount;
            keys.AddRange(await Values<long>(group, fields["person_key"], rows));
            sigungu.AddRange((await Strings(group, fields["sigungu_code"], rows))!);
            scores.AddRange(await Values<float>(group, fields["score"], rows));
            raw.AddRange(await Values<float>(group, fields["raw_score"], rows));
            national.AddRange(await Values<int>(group, fields["national_rank"], rows));
            local.AddRange(await Values<int>(group, fields["sigungu_rank"], rows));
            for (var n = 0; n < 3; n++)
            {
                reasons[n].AddRange(await Strings(group, fields[$"reason_{n + 1}"], rows));
                var v = new float?[rows];
                await group.ReadAsync(fields[$"reason_value_{n + 1}"], v.AsMemory());
                values[n].AddRange(v);
            }
        }

        return new ScoreTable([.. keys], [.. sigungu], [.. scores], [.. raw], [.. national], [.. local],
            [.. reasons.Select(r => r.ToArray())], [.. values.Select(v => v.ToArray())], reader.CustomMetadata);
    }

    private static async Task<T[]> Values<T>(ParquetRowGroupReader group, DataField field, int rows)
        where T : struct
    {
        var values = new T[rows];
        await group.ReadAsync(field, values.AsMemory());
        return values;
    }

    private static async Task<string?[]> Strings(ParquetRowGroupReader group, DataField field, int rows)
    {
        var values = new string?[rows];
        await group.ReadAsync(field, values.AsMemory());
        return values;
    }
}
