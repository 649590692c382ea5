using System.Globalization;
using System.IO.Compression;
using System.Text;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Csv;
using BlindSpot.Dispatch.Outcomes;
using BlindSpot.Dispatch.Worklists;
using CsvHelper;

namespace BlindSpot.Dispatch.Register;

/// <summary>
/// <c>outcomes/&lt;Q&gt;/dispatches.csv</c>: who was dispatched in a quarter, by which variant and why selected — the record
/// outcome uploads are checked against and later dispatches look back on. The simulator writes the same file for the
/// quarters before BlindSpot (selected_by rule or audit); dispatch writes it with selected_by model, or rule for a catalog rule cohort's entries. Restricted: it holds
/// resident numbers, so it is an owner-only file.
/// </summary>
internal static class DispatchRegister
{
    public static readonly string[] Columns = ["quarter", "variant", "resident_no", "household_no", "sigungu_code", "selected_by", "score", "worklist_id"];

    public static void Write(string path, IEnumerable<(WorklistEntry Entry, string ResidentNumber, string HouseholdNumber)> rows)
    {
        using var csv = CsvFiles.CreatePrivate(path, CsvFiles.ForExcel with { NewLine = "\n" });
        csv.WriteHeader(Columns);
        foreach (var (entry, resident, household) in rows)
        {
            csv.WriteField(entry.Quarter);
            csv.WriteField(entry.Variant.ToCode());
            csv.WriteField(resident);
            csv.WriteField(household);
            csv.WriteField(entry.SigunguCode);
            csv.WriteField(entry.SelectedBy);
            csv.WriteField(entry.Score.ToString("0.######", CultureInfo.InvariantCulture));
            csv.WriteField(entry.WorklistId);
            csv.EndRecord();
        }
    }

    /// <summary>The resident numbers dispatched in a quarter (any variant), or an empty set when there is no register.</summary>
    public static HashSet<string> ResidentNumbers(string path) => [.. Read(path).Select(e => e.ResidentNumber)];

    /// <summary>Every entry of a quarter's register (plain or gzip), or none when there is no register.</summary>
    public static List<RegisterEntry> Read(string path)
    {
        var entries = new List<RegisterEntry>();
        var file = File.Exists(path) ? path : File.Exists(path + ".gz") ? path + ".gz" : null;
        if (file is null)
        {
            return entries;
        }

        using var stream = File.OpenRead(file);
        using Stream plain = file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        using var csv = CsvReader.Create(plain, CsvReaderOptions.Default with { HasHeader = true, Encoding = Encoding.UTF8 }, leaveOpen: true);
        var headers = csv.Headers.Select(h => h.TrimStart('\uFEFF')).ToList();
        int Column(string name) => headers.IndexOf(name) is >= 0 and var i ? i : throw new InvalidDataException($"{file}: a dispatch register needs a {name} column.");
        var (variant, resident, sigungu, selectedBy) = (Column("variant"), Column("resident_no"), Column("sigungu_code"), Column("selected_by"));
        var worklistId = headers.IndexOf("worklist_id");
        string Text(int i) => CellText.Restore(Encoding.UTF8.GetString(csv.GetSpan(i)));
        while (csv.Read())
        {
            entries.Add(new RegisterEntry(worklistId >= 0 ? Text(worklistId) : null, VariantNames.Parse(Text(variant)), Text(resident), Text(sigungu), Text(selectedBy)));
        }

        return entries;
    }
}
