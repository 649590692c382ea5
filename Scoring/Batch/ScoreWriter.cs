using Parquet;
using Parquet.Schema;

namespace BlindSpot.Scoring.Batch;

/// <summary>
/// Writes a variant's scores in rank order, one row group per million rows, with the model version as key-value metadata.
/// The rows come from <c>fill</c> a row group at a time (the reduce's merge), so only one row group is in memory.
/// </summary>
internal static class ScoreWriter
{
    public const int RowGroupSize = 1_000_000;

    /// <param name="path">The score file; written to a temporary file, then moved into place.</param>
    /// <param name="total">Rows in all.</param>
    /// <param name="reasons">Reasons of the first rows (the candidates), in rank order.</param>
    /// <param name="metadata">Key-value metadata of the file.</param>
    /// <param name="fill">Fills the next <c>count</c> rows in rank order into the buffer.</param>
    /// <param name="ct">Cancels between row groups.</param>
    public static async Task WriteAsync(string path, int total, IReadOnlyList<IReadOnlyList<Reason>> reasons, IReadOnlyDictionary<string, string> metadata, Action<ScoreRows, int> fill, CancellationToken ct)
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
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            {
                await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields.ToArray()), stream, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }, cancellationToken: ct).ConfigureAwait(false);
                writer.CustomMetadata = metadata.ToDictionary();
                var scores = new ScoreRows(Math.Min(RowGroupSize, total));
                for (var start = 0; start < total || start == 0; start += RowGroupSize)
                {
                    var rows = Math.Min(RowGroupSize, total - start);
                    fill(scores, rows);
                    using var group = writer.CreateRowGroup();
                    await group.WriteAsync(fields[0], (ReadOnlyMemory<long>)scores.PersonKeys.AsMemory(0, rows), cancellationToken: ct).ConfigureAwait(false);
                    await group.WriteAsync(fields[1], (ReadOnlyMemory<long>)scores.HouseholdKeys.AsMemory(0, rows), cancellationToken: ct).ConfigureAwait(false);
                    await group.WriteAsync(fields[2], new ArraySegment<string>(scores.Sigungu, 0, rows)).ConfigureAwait(false);
                    await group.WriteAsync(fields[3], (ReadOnlyMemory<float>)scores.Scores.AsMemory(0, rows), cancellationToken: ct).ConfigureAwait(false);
                    await group.WriteAsync(fields[4], (ReadOnlyMemory<float>)scores.Raw.AsMemory(0, rows), cancellationToken: ct).ConfigureAwait(false);
                    await group.WriteAsync(fields[5], (ReadOnlyMemory<int>)Enumerable.Range(start + 1, rows).ToArray(), cancellationToken: ct).ConfigureAwait(false);
                    await group.WriteAsync(fields[6], (ReadOnlyMemory<int>)scores.SigunguRanks.AsMemory(0, rows), cancellationToken: ct).ConfigureAwait(false);
                    for (var n = 0; n < ReasonPicker.Count; n++)
                    {
                        var names = new string?[rows];
                        var values = new float?[rows];
                        for (var r = 0; r < rows && start + r < reasons.Count; r++)
                        {
                            var picked = reasons[start + r];
                            if (n < picked.Count)
                            {
                                names[r] = picked[n].Feature;
                                values[r] = picked[n].Value;
                            }
                        }

                        // Nulls below the candidates are written as Parquet nulls (the field is optional).
                        await group.WriteAsync(fields[7 + (2 * n)], Array.ConvertAll(names, name => name!)).ConfigureAwait(false);
                        await group.WriteAsync(fields[8 + (2 * n)], (ReadOnlyMemory<float?>)values, cancellationToken: ct).ConfigureAwait(false);
                    }

                    if (total == 0)
                    {
                        break;
                    }
                }
            }
        }
        catch
        {
            // The merge stops the write when a candidate is missing: leave no half-written file behind.
            File.Delete(temporary);
            throw;
        }

        File.Move(temporary, path, overwrite: true);
    }
}
