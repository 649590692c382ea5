using System.Globalization;
using System.Text;
using BlindSpot.Core.Catalog;
using CsvHelper;

namespace BlindSpot.Dispatch.Outcomes;

/// <summary>
/// <c>outcomes/&lt;Q&gt;/outcome-history.csv</c>: every accepted outcome row of every upload, appended, never rewritten,
/// so a correction is a new row and the earlier answer stays on record. Restricted: it holds resident numbers.
/// </summary>
internal static class OutcomeHistory
{
    private const string Header = "import_id,line,worklist_id,resident_no,variant,sigungu_code,selected_by,outcome,outcome_date";

    public static List<OutcomeHistoryRow> Read(string path)
    {
        var rows = new List<OutcomeHistoryRow>();
        if (!File.Exists(path))
        {
            return rows;
        }

        using var stream = File.OpenRead(path);
        using var csv = CsvReader.Create(stream, CsvReaderOptions.Default with { HasHeader = true, Encoding = Encoding.UTF8 }, leaveOpen: true);
        string Text(int i) => Encoding.UTF8.GetString(csv.GetSpan(i));
        while (csv.Read())
        {
            var entry = new RegisterEntry(Text(2) is { Length: > 0 } id ? id : null, VariantNames.Parse(Text(4)), Text(3), Text(5), Text(6));
            rows.Add(new OutcomeHistoryRow(Text(0), long.Parse(Text(1), CultureInfo.InvariantCulture), entry, Text(7), DateOnly.ParseExact(Text(8), "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    public static void Append(string path, IEnumerable<OutcomeHistoryRow> rows)
    {
        var exists = File.Exists(path);
        using var writer = new StreamWriter(path, append: true, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
        if (!exists)
        {
            writer.WriteLine(Header);
        }

        foreach (var r in rows)
        {
            writer.WriteLine(string.Join(',', r.ImportId, r.Line.ToString(CultureInfo.InvariantCulture), r.Entry.WorklistId ?? "", r.Entry.ResidentNumber, r.Entry.Variant.ToCode(), r.Entry.SigunguCode, r.Entry.SelectedBy, r.Outcome, r.OutcomeDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
    }
}
