using System.Globalization;
using System.IO.Compression;
using System.Text;
using BlindSpot.Core.Catalog;
using BlindSpot.Dispatch.Worklists;
using CsvHelper;

namespace BlindSpot.Dispatch.Register;

/// <summary>
/// <c>outcomes/&lt;Q&gt;/dispatches.csv</c>: who was dispatched in a quarter, by which variant and why selected — the record
/// outcome uploads are checked against and later dispatches look back on. The simulator writes the same file for the
/// quarters before BlindSpot (selected_by rule or audit); dispatch writes it with selected_by model.
/// </summary>
internal static class DispatchRegister
{
    public static readonly string[] Columns = ["quarter", "variant", "resident_no", "household_no", "sigungu_code", "selected_by", "score", "worklist_id"];

    public static void Write(string path, IEnumerable<(WorklistEntry Entry, string ResidentNumber, string HouseholdNumber)> rows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)) { NewLine = "\n" };
        writer.WriteLine(string.Join(',', Columns));
        foreach (var (entry, resident, household) in rows)
        {
            writer.WriteLine(string.Join(',', entry.Quarter, entry.Variant.ToCode(), resident, household, entry.SigunguCode, "model", entry.Score.ToString("0.######", CultureInfo.InvariantCulture), entry.WorklistId));
        }
    }

    /// <summary>The resident numbers dispatched in a quarter (any variant), or an empty set when there is no register.</summary>
    public static HashSet<string> ResidentNumbers(string path)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var file = File.Exists(path) ? path : File.Exists(path + ".gz") ? path + ".gz" : null;
        if (file is null)
        {
            return found;
        }

        using var stream = File.OpenRead(file);
        using Stream plain = file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        using var csv = CsvReader.Create(plain, CsvReaderOptions.Default with { HasHeader = true, Encoding = Encoding.UTF8 }, leaveOpen: true);
        var column = csv.Headers.ToList().IndexOf("resident_no");
        if (column < 0)
        {
            throw new InvalidDataException($"{file}: a dispatch register needs a resident_no column.");
        }

        while (csv.Read())
        {
            found.Add(Encoding.UTF8.GetString(csv.GetSpan(column)));
        }

        return found;
    }
}
