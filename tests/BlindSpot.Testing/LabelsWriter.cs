using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using Parquet;
using Parquet.Schema;

namespace BlindSpot.Testing;

/// <summary>Writes <c>labels/&lt;Q&gt;.parquet</c> as the labels contract describes it.</summary>
public static class LabelsWriter
{
    public static async Task WriteAsync(DataRoot root, Quarter quarter, IReadOnlyList<(long Person, string Variant, string Outcome)> rows, string selectedBy = "model")
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(rows);
        var fields = new DataField[]
        {
            new DataField<long>("person_key", false), new DataField<string>("variant", false), new DataField<string>("outcome", false),
            new DataField<DateOnly>("outcome_date", false), new DataField<string>("selected_by", false), new DataField<string>("sigungu_code", false),
        };
        var path = root.Labels(quarter);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(fields[0], (ReadOnlyMemory<long>)rows.Select(r => r.Person).ToArray());
        await group.WriteAsync(fields[1], rows.Select(r => r.Variant).ToArray());
        await group.WriteAsync(fields[2], rows.Select(r => r.Outcome).ToArray());
        await group.WriteAsync(fields[3], (ReadOnlyMemory<DateOnly>)rows.Select(_ => quarter.LastDay.AddDays(30)).ToArray());
        await group.WriteAsync(fields[4], rows.Select(_ => selectedBy).ToArray());
        await group.WriteAsync(fields[5], rows.Select(_ => "11110").ToArray());
    }
}
