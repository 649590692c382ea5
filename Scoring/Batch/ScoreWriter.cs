using Parquet;
using Parquet.Schema;

namespace BlindSpot.Scoring.Batch;

/// <summary>Writes a variant's scores in rank order, one row group per million rows, with the model version as key-value metadata.</summary>
internal static class ScoreWriter
{
    private const int RowGroupSize = 1_000_000;

    public static async Task WriteAsync(string path, VariantScores scores, IReadOnlyDictionary<string, string> metadata, CancellationToken ct)
    {
        var fields = new List<DataField>
        {
            new DataField<long>(ScoreColumns.PersonKey, false), new DataField<long>(ScoreColumns.HouseholdKey, false),
            new DataField<string>(ScoreColumns.SigunguCode, false), new DataField<float>(ScoreColumns.Score, false),
            new DataField<float>(ScoreColumns.RawScore, false), new DataField<int>(ScoreColumns.NationalRank, false),
            new DataField<int>(ScoreColumns.SigunguRank, false),
        };
        for (var n = 1; n <= ReasonPicker.Count; n++)
        {
            fields.Add(new DataField<string>(ScoreColumns.Reason(n), true));
            fields.Add(new DataField<float?>(ScoreColumns.ReasonValue(n), true));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields.ToArray()), stream, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }, cancellationToken: ct).ConfigureAwait(false);
            writer.CustomMetadata = metadata.ToDictionary();
            for (var start = 0; start < scores.Rows || start == 0; start += RowGroupSize)
            {
                var rows = Math.Min(RowGroupSize, scores.Rows - start);
                using var group = writer.CreateRowGroup();
                await group.WriteAsync(fields[0], (ReadOnlyMemory<long>)scores.PersonKeys.AsMemory(start, rows), cancellationToken: ct).ConfigureAwait(false);
                await group.WriteAsync(fields[1], (ReadOnlyMemory<long>)scores.HouseholdKeys.AsMemory(start, rows), cancellationToken: ct).ConfigureAwait(false);
                await group.WriteAsync(fields[2], new ArraySegment<string>(scores.Sigungu, start, rows)).ConfigureAwait(false);
                await group.WriteAsync(fields[3], (ReadOnlyMemory<float>)scores.Scores.AsMemory(start, rows), cancellationToken: ct).ConfigureAwait(false);
                await group.WriteAsync(fields[4], (ReadOnlyMemory<float>)scores.Raw.AsMemory(start, rows), cancellationToken: ct).ConfigureAwait(false);
                await group.WriteAsync(fields[5], (ReadOnlyMemory<int>)Enumerable.Range(start + 1, rows).ToArray(), cancellationToken: ct).ConfigureAwait(false);
                await group.WriteAsync(fields[6], (ReadOnlyMemory<int>)scores.SigunguRanks.AsMemory(start, rows), cancellationToken: ct).ConfigureAwait(false);
                for (var n = 0; n < ReasonPicker.Count; n++)
                {
                    var names = new string?[rows];
                    var values = new float?[rows];
                    for (var r = 0; r < rows && start + r < scores.Candidates; r++)
                    {
                        var reasons = scores.Reasons[start + r];
                        if (n < reasons.Count)
                        {
                            names[r] = reasons[n].Feature;
                            values[r] = reasons[n].Value;
                        }
                    }

                    // Nulls below the candidates are written as Parquet nulls (the field is optional).
                    await group.WriteAsync(fields[7 + (2 * n)], Array.ConvertAll(names, name => name!)).ConfigureAwait(false);
                    await group.WriteAsync(fields[8 + (2 * n)], (ReadOnlyMemory<float?>)values, cancellationToken: ct).ConfigureAwait(false);
                }

                if (scores.Rows == 0)
                {
                    break;
                }
            }
        }

        File.Move(temporary, path, overwrite: true);
    }
}
