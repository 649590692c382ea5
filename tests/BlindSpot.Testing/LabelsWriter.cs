using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using Parquet;
using Parquet.Schema;

namespace BlindSpot.Testing;

/// <summary>Writes <c>labels/&lt;Q&gt;.parquet</c> as the labels contract describes it (what <c>outcomes import</c> produces).</summary>
public static class LabelsWriter
{
    private static readonly DataField[] Fields =
    [
        new DataField<long>("person_key", false), new DataField<string>("variant", false), new DataField<string>("outcome", false),
        new DataField<DateOnly>("outcome_date", false), new DataField<string>("selected_by", false), new DataField<string>("sigungu_code", false),
    ];

    /// <summary>Rows for one quarter, all selected by <paramref name="selectedBy"/> in 종로구, reported a month after the quarter.</summary>
    public static Task WriteAsync(DataRoot root, Quarter quarter, IReadOnlyList<(long Person, string Variant, string Outcome)> rows, string selectedBy = "model")
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(rows);
        var date = quarter.LastDay.AddDays(30);
        return WriteAsync(root.Labels(quarter), [.. rows.Select(r => new Row(r.Person, r.Variant, r.Outcome, selectedBy, "11110", date))]);
    }

    public static async Task WriteAsync(string path, IReadOnlyList<Row> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(Fields), stream, new ParquetOptions { UseDateOnlyTypeForDates = true });
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(Fields[0], (ReadOnlyMemory<long>)rows.Select(r => r.PersonKey).ToArray());
        await group.WriteAsync(Fields[1], rows.Select(r => r.Variant).ToArray());
        await group.WriteAsync(Fields[2], rows.Select(r => r.Outcome).ToArray());
        await group.WriteAsync(Fields[3], (ReadOnlyMemory<DateOnly>)rows.Select(r => r.OutcomeDate).ToArray());
        await group.WriteAsync(Fields[4], rows.Select(r => r.SelectedBy).ToArray());
        await group.WriteAsync(Fields[5], rows.Select(r => r.Sigungu).ToArray());
    }

    /// <summary>One label: who, for which variant, what the visit found, how they were selected, where, and when.</summary>
    public sealed record Row(long PersonKey, string Variant, string Outcome, string SelectedBy, string Sigungu, DateOnly OutcomeDate);
}
