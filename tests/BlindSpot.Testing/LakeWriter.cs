using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using Parquet;
using Parquet.Schema;

namespace BlindSpot.Testing;

/// <summary>Writes rosters and lake files exactly as the ingestion contract describes them, for feature tests without ingestion.</summary>
public static class LakeWriter
{
    public static async Task WriteRosterAsync(DataRoot root, Quarter quarter, IReadOnlyList<RosterPerson> people)
    {
        var sorted = people.OrderBy(p => p.Sigungu, StringComparer.Ordinal).ThenBy(p => p.HouseholdKey).ThenBy(p => p.PersonKey).ToArray();
        var fields = new DataField[]
        {
            new DataField<long>("person_key", false), new DataField<long>("household_key", false), new DataField<bool>("is_head", false),
            new DataField<string>("sigungu_code", false), new DataField<string>("eupmyeondong_code", false), new DataField<DateOnly>("birth_date", false),
            new DataField<int>("age", false), new DataField<string>("sex", false), new DataField<bool>("disability", false),
            new DataField<bool>("basic_livelihood", false), new DataField<bool>("other_benefit", false), new DataField<string>("status", false),
            new DataField<DateOnly?>("status_date", true),
        };
        var path = root.RosterBucket(quarter, 0);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(fields[0], (ReadOnlyMemory<long>)sorted.Select(p => p.PersonKey).ToArray());
        await group.WriteAsync(fields[1], (ReadOnlyMemory<long>)sorted.Select(p => p.HouseholdKey).ToArray());
        await group.WriteAsync(fields[2], (ReadOnlyMemory<bool>)sorted.Select(p => p.IsHead).ToArray());
        await group.WriteAsync(fields[3], sorted.Select(p => p.Sigungu).ToArray());
        await group.WriteAsync(fields[4], sorted.Select(p => p.Eupmyeondong).ToArray());
        await group.WriteAsync(fields[5], (ReadOnlyMemory<DateOnly>)sorted.Select(p => quarter.AsOf.AddYears(-p.Age)).ToArray());
        await group.WriteAsync(fields[6], (ReadOnlyMemory<int>)sorted.Select(p => p.Age).ToArray());
        await group.WriteAsync(fields[7], sorted.Select(p => p.Male ? "M" : "F").ToArray());
        await group.WriteAsync(fields[8], (ReadOnlyMemory<bool>)sorted.Select(p => p.Disability).ToArray());
        await group.WriteAsync(fields[9], (ReadOnlyMemory<bool>)sorted.Select(p => p.BasicLivelihood).ToArray());
        await group.WriteAsync(fields[10], (ReadOnlyMemory<bool>)sorted.Select(_ => false).ToArray());
        await group.WriteAsync(fields[11], sorted.Select(p => p.Status).ToArray());
        await group.WriteAsync(fields[12], (ReadOnlyMemory<DateOnly?>)sorted.Select(_ => (DateOnly?)null).ToArray());
    }

    public static async Task WriteFeedAsync(DataRoot root, Quarter quarter, FeedDefinition feed, IReadOnlyList<LakeRecordRow> rows)
    {
        var key = new DataField<long>(feed.Unit == FeedUnit.Person ? "person_key" : "household_key", false);
        var columns = feed.Columns.Skip(1).ToList();
        var fields = new List<DataField> { key };
        fields.AddRange(columns.Select(Field));
        fields.Add(new DataField<long>("source_line", false));
        var path = root.LakeBucket(quarter, feed.Code, 0);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields.ToArray()), stream, new ParquetOptions { UseDateOnlyTypeForDates = true });
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(key, (ReadOnlyMemory<long>)rows.Select(r => r.Key).ToArray());
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            var field = fields[c + 1];
            switch (column.Type)
            {
                case ColumnType.Date:
                    await group.WriteAsync(field, (ReadOnlyMemory<DateOnly>)rows.Select(r => (DateOnly)r.Values[column.Name]).ToArray());
                    break;
                case ColumnType.Int:
                    await group.WriteAsync(field, (ReadOnlyMemory<int>)rows.Select(r => Convert.ToInt32(r.Values.GetValueOrDefault(column.Name, 0), System.Globalization.CultureInfo.InvariantCulture)).ToArray());
                    break;
                case ColumnType.Long:
                    await group.WriteAsync(field, (ReadOnlyMemory<long>)rows.Select(r => Convert.ToInt64(r.Values.GetValueOrDefault(column.Name, 0L), System.Globalization.CultureInfo.InvariantCulture)).ToArray());
                    break;
                case ColumnType.Double:
                    await group.WriteAsync(field, (ReadOnlyMemory<double>)rows.Select(r => Convert.ToDouble(r.Values.GetValueOrDefault(column.Name, 0.0), System.Globalization.CultureInfo.InvariantCulture)).ToArray());
                    break;
                default:
                    await group.WriteAsync(field, rows.Select(r => (string?)r.Values.GetValueOrDefault(column.Name, column.Values?.Keys.First() ?? "x")).ToArray());
                    break;
            }
        }

        await group.WriteAsync(fields[^1], (ReadOnlyMemory<long>)Enumerable.Range(2, rows.Count).Select(i => (long)i).ToArray());
    }

    private static DataField Field(ColumnDefinition column) => column.Type switch
    {
        ColumnType.Date => new DataField<DateOnly>(column.Name, false),
        ColumnType.Int => new DataField<int>(column.Name, false),
        ColumnType.Long => new DataField<long>(column.Name, false),
        ColumnType.Double => new DataField<double>(column.Name, false),
        _ => new DataField<string>(column.Name, false),
    };
}
