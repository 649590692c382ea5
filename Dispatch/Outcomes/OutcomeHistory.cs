using System.Globalization;
using System.Text;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Csv;
using BlindSpot.Core.Files;
using BlindSpot.Dispatch.Worklists;
using CsvHelper;

namespace BlindSpot.Dispatch.Outcomes;

/// <summary>
/// <c>outcomes/&lt;Q&gt;/outcome-history.csv</c>: every accepted outcome of every upload, appended, never rewritten, so a
/// correction is a new row and the earlier answer stays on record (an answer already on record is not added again).
/// Restricted: it holds resident numbers, so it is an owner-only file written through <see cref="CsvFiles"/>.
/// </summary>
internal static class OutcomeHistory
{
    private static readonly string[] Columns = ["import_id", "line", "worklist_id", "resident_no", "variant", "sigungu_code", "selected_by", "outcome", "outcome_date"];

    public static List<OutcomeHistoryRow> Read(string path)
    {
        var rows = new List<OutcomeHistoryRow>();
        if (!File.Exists(path))
        {
            return rows;
        }

        using var stream = File.OpenRead(path);
        using var csv = CsvReader.Create(stream, CsvReaderOptions.Default with { HasHeader = true, Separator = ',', Encoding = Encoding.UTF8 }, leaveOpen: true);
        string Text(int i) => CellText.Restore(Encoding.UTF8.GetString(csv.GetSpan(i)));
        while (csv.Read())
        {
            var entry = new RegisterEntry(Text(2) is { Length: > 0 } id ? id : null, VariantNames.Parse(Text(4)), Text(3), Text(5), Text(6));
            rows.Add(new OutcomeHistoryRow(Text(0), long.Parse(Text(1), CultureInfo.InvariantCulture), entry, Text(7), DateOnly.ParseExact(Text(8), "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    public static void Append(string path, IReadOnlyCollection<OutcomeHistoryRow> rows)
    {
        var exists = File.Exists(path);
        if (exists && rows.Count == 0)
        {
            return;
        }

        using var csv = CsvFiles.Create(PrivateFiles.Create(path, mode: FileMode.Append), leaveOpen: false);
        if (!exists)
        {
            csv.WriteHeader(Columns);
        }

        foreach (var r in rows)
        {
            csv.WriteField(r.ImportId);
            csv.WriteField(r.Line);
            csv.WriteField(r.Entry.WorklistId ?? "");
            csv.WriteField(r.Entry.ResidentNumber);
            csv.WriteField(r.Entry.Variant.ToCode());
            csv.WriteField(r.Entry.SigunguCode);
            csv.WriteField(r.Entry.SelectedBy);
            csv.WriteField(r.Outcome);
            csv.WriteField(r.OutcomeDate);
            csv.EndRecord();
        }
    }
}
