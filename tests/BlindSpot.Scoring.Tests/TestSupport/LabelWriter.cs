using Parquet;
using Parquet.Schema;

namespace BlindSpot.Scoring.Tests.TestSupport;

/// <summary>Writes <c>labels/&lt;Q&gt;.parquet</c> as the labels contract states: the file ingestion will produce.</summary>
internal static class LabelWriter
{
    public static async Task WriteAsync(string path, IReadOnlyList<Row> rows)
    {
        var fields = new DataField[]
        {
            new DataField<long>("person_key", false), new DataField<string>("variant", false), new DataField<string>("outcome", false),
            new DataField<DateOnly>("outcome_date", false), new DataField<string>("selected_by", false), new DataField<string>("sigungu_code", false),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, new ParquetOptions { UseDateOnlyTypeForDates = true });
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(fields[0], (ReadOnlyMemory<long>)rows.Select(r => r.PersonKey).ToArray());
        await group.WriteAsync(fields[1], rows.Select(r => r.Variant).ToArray());
        await group.WriteAsync(fields[2], rows.Select(r => r.Outcome).ToArray());
        await group.WriteAsync(fields[3], (ReadOnlyMemory<DateOnly>)rows.Select(_ => new DateOnly(2026, 1, 15)).ToArray());
        await group.WriteAsync(fields[4], rows.Select(r => r.SelectedBy).ToArray());
        await group.WriteAsync(fields[5], rows.Select(r => r.Sigungu).ToArray());
    }

    public sealed record Row(long PersonKey, string Variant, string Outcome, string SelectedBy, string Sigungu);
}
