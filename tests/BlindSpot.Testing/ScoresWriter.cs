using BlindSpot.Core.Catalog;
using BlindSpot.Core.Contracts;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using Parquet;
using Parquet.Schema;

namespace BlindSpot.Testing;

/// <summary>
/// Writes <c>scores/&lt;Q&gt;/&lt;variant&gt;.parquet</c> as the scoring contract describes it: ranks follow the score, ties
/// by person key, and rows are in national-rank order (score's reduce writes them so; dispatch reads the ranking from the
/// top). <c>inRankOrder: false</c> writes them by person key instead, a file breaking the contract.
/// </summary>
public static class ScoresWriter
{
    public static async Task WriteAsync(DataRoot root, Quarter quarter, Variant variant, IReadOnlyList<ScoreRow> rows, string modelVersion = "test-model", bool inRankOrder = true)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(rows);
        var ranked = rows.OrderByDescending(r => r.Score).ThenBy(r => r.PersonKey).Select((r, i) => (Row: r, Rank: i + 1)).ToList();
        var written = inRankOrder ? ranked : [.. ranked.OrderBy(r => r.Row.PersonKey)];
        var fields = new List<DataField>
        {
            new DataField<long>("person_key", false), new DataField<long>("household_key", false), new DataField<string>("sigungu_code", false),
            new DataField<float>("score", false), new DataField<float>("raw_score", false), new DataField<int>("national_rank", false), new DataField<int>("sigungu_rank", false),
        };
        for (var r = 1; r <= 3; r++)
        {
            fields.Add(new DataField<string>($"reason_{r}", true));
            fields.Add(new DataField<float?>($"reason_value_{r}", true));
        }

        var path = root.Scores(quarter, variant);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields.ToArray()), stream);
        writer.CustomMetadata = new Dictionary<string, string> { [ScoreFileMetadata.ModelVersion] = modelVersion };
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(fields[0], (ReadOnlyMemory<long>)written.Select(r => r.Row.PersonKey).ToArray());
        await group.WriteAsync(fields[1], (ReadOnlyMemory<long>)written.Select(r => r.Row.HouseholdKey).ToArray());
        await group.WriteAsync(fields[2], written.Select(r => r.Row.Sigungu).ToArray());
        await group.WriteAsync(fields[3], (ReadOnlyMemory<float>)written.Select(r => r.Row.Score).ToArray());
        await group.WriteAsync(fields[4], (ReadOnlyMemory<float>)written.Select(r => r.Row.Score).ToArray());
        await group.WriteAsync(fields[5], (ReadOnlyMemory<int>)written.Select(r => r.Rank).ToArray());
        await group.WriteAsync(fields[6], (ReadOnlyMemory<int>)written.Select(r => r.Rank).ToArray());
        for (var r = 0; r < 3; r++)
        {
            await group.WriteAsync(fields[7 + (2 * r)], written.Select(p => p.Row.Reasons.Count > r ? p.Row.Reasons[r].Feature : null).ToArray());
            await group.WriteAsync(fields[8 + (2 * r)], (ReadOnlyMemory<float?>)written.Select(p => p.Row.Reasons.Count > r ? p.Row.Reasons[r].Value : (float?)null).ToArray());
        }
    }
}
