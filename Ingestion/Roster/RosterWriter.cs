using System.Runtime.InteropServices;
using Parquet;
using Parquet.Schema;

namespace BlindSpot.Ingestion.Roster;

/// <summary>
/// Writes <c>roster/&lt;Q&gt;.parquet</c>, the table every later stage joins on, sorted by (sigungu_code, household_key,
/// person_key) so a shard by region reads one contiguous range. Schema is the roster contract; see the columns below.
/// </summary>
internal static class RosterWriter
{
    private static readonly DataField<long> PersonKey = new("person_key", false);
    private static readonly DataField<long> HouseholdKey = new("household_key", false);
    private static readonly DataField<bool> IsHead = new("is_head", false);
    private static readonly DataField<string> SigunguCode = new("sigungu_code", false);
    private static readonly DataField<string> EupmyeondongCode = new("eupmyeondong_code", false);
    private static readonly DataField<DateOnly> BirthDate = new("birth_date", false);
    private static readonly DataField<int> Age = new("age", false);
    private static readonly DataField<string> Sex = new("sex", false);
    private static readonly DataField<bool> Disability = new("disability", false);
    private static readonly DataField<bool> BasicLivelihood = new("basic_livelihood", false);
    private static readonly DataField<bool> OtherBenefit = new("other_benefit", false);
    private static readonly DataField<string> Status = new("status", false);
    private static readonly DataField<DateOnly> StatusDate = new("status_date", true);

    public static ParquetSchema Schema { get; } = new(
        PersonKey, HouseholdKey, IsHead, SigunguCode, EupmyeondongCode, BirthDate, Age, Sex, Disability, BasicLivelihood, OtherBenefit, Status, StatusDate);

    public static async Task WriteAsync(RosterTable table, string path, int rowGroupSize, CancellationToken cancellationToken)
    {
        var order = SortOrder(table);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 20))
        {
            await using var writer = await ParquetWriter.CreateAsync(Schema, stream, IngestContext.ParquetOptions, cancellationToken: cancellationToken);
            for (var start = 0; start < order.Length || start == 0; start += rowGroupSize)
            {
                var slice = order.AsMemory(start, Math.Min(rowGroupSize, order.Length - start));
                await WriteGroupAsync(writer, table, slice, cancellationToken);
                if (order.Length == 0)
                {
                    break;
                }
            }
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static async Task WriteGroupAsync(ParquetWriter writer, RosterTable t, ReadOnlyMemory<int> rows, CancellationToken ct)
    {
        using var group = writer.CreateRowGroup();
        await group.WriteAsync<long>(PersonKey, Pick(t.PersonKey, rows), cancellationToken: ct);
        await group.WriteAsync<long>(HouseholdKey, Pick(t.HouseholdKey, rows), cancellationToken: ct);
        await group.WriteAsync<bool>(IsHead, Pick(t.IsHead, rows), cancellationToken: ct);
        await group.WriteAsync(SigunguCode, Pick(t.SigunguCode, rows));
        await group.WriteAsync(EupmyeondongCode, Pick(t.EupmyeondongCode, rows));
        await group.WriteAsync<DateOnly>(BirthDate, Pick(t.BirthDate, rows), cancellationToken: ct);
        await group.WriteAsync<int>(Age, Pick(t.Age, rows), cancellationToken: ct);
        await group.WriteAsync(Sex, Pick(t.Sex, rows));
        await group.WriteAsync<bool>(Disability, Pick(t.Disability, rows), cancellationToken: ct);
        await group.WriteAsync<bool>(BasicLivelihood, Pick(t.BasicLivelihood, rows), cancellationToken: ct);
        await group.WriteAsync<bool>(OtherBenefit, Pick(t.OtherBenefit, rows), cancellationToken: ct);
        await group.WriteAsync(Status, Pick(t.Status, rows));
        await group.WriteAsync<DateOnly>(StatusDate, Pick(t.StatusDate, rows), cancellationToken: ct);
    }

    private static T[] Pick<T>(List<T> column, ReadOnlyMemory<int> rows)
    {
        var source = CollectionsMarshal.AsSpan(column);
        var result = new T[rows.Length];
        var span = rows.Span;
        for (var i = 0; i < span.Length; i++)
        {
            result[i] = source[span[i]];
        }

        return result;
    }

    // Region codes are pooled strings, so most comparisons end at a reference check.
    private static int[] SortOrder(RosterTable t)
    {
        var order = Enumerable.Range(0, t.Count).ToArray();
        var sigungu = t.SigunguCode;
        var household = t.HouseholdKey;
        var person = t.PersonKey;
        Array.Sort(order, (a, b) =>
        {
            var bySigungu = ReferenceEquals(sigungu[a], sigungu[b]) ? 0 : string.CompareOrdinal(sigungu[a], sigungu[b]);
            if (bySigungu != 0)
            {
                return bySigungu;
            }

            var byHousehold = household[a].CompareTo(household[b]);
            return byHousehold != 0 ? byHousehold : person[a].CompareTo(person[b]);
        });
        return order;
    }
}
