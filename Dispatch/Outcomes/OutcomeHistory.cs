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

    /// <summary>Every complete row, in the order appended.</summary>
    public static List<OutcomeHistoryRow> Read(string path)
    {
        var rows = new List<OutcomeHistoryRow>();
        if (!File.Exists(path))
        {
            return rows;
        }

        // Another 시군구's import may be appending at this moment: read up to the last complete line only.
        byte[] bytes;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            bytes = new byte[file.Length];
            file.ReadExactly(bytes);
        }

        using var stream = new MemoryStream(bytes, 0, Array.LastIndexOf(bytes, (byte)'\n') + 1, writable: false);
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

    /// <summary>(시군구 code, worklist id) of the rows after byte <paramref name="from"/>, up to the last complete line; see <see cref="OutcomeProgress.ReportedSince"/>.</summary>
    public static (IReadOnlyList<(string SigunguCode, string WorklistId)> Rows, long End) ReadWorklistIdsSince(string path, long from)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        if (!File.Exists(path))
        {
            return ([], 0);
        }

        byte[] appended;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            if (stream.Length < from)
            {
                throw new InvalidDataException($"{path}: shorter ({stream.Length:N0} bytes) than already read ({from:N0}); the outcome history is append-only.");
            }

            stream.Position = from;
            appended = new byte[stream.Length - from];
            stream.ReadExactly(appended);
        }

        var complete = Array.LastIndexOf(appended, (byte)'\n') + 1;
        var rows = new List<(string, string)>();
        using var slice = new MemoryStream(appended, 0, complete, writable: false);
        using var csv = CsvReader.Create(slice, CsvReaderOptions.Default with { HasHeader = from == 0, Separator = ',', Encoding = Encoding.UTF8 }, leaveOpen: true);
        string Text(int i) => CellText.Restore(Encoding.UTF8.GetString(csv.GetSpan(i)));
        while (csv.Read())
        {
            // The columns of Columns: worklist_id is the third, sigungu_code the sixth (as Read takes them).
            if (Text(2) is { Length: > 0 } id)
            {
                rows.Add((Text(5), id));
            }
        }

        return (rows, from + complete);
    }
}
