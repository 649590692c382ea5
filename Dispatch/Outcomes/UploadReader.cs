using System.Text;
using BlindSpot.Dispatch.Worklists;
using CsvHelper;
using MiniExcelLibs;

namespace BlindSpot.Dispatch.Outcomes;

/// <summary>
/// Reads an uploaded outcome file, CSV (UTF-8, with or without BOM) or XLSX, into rows of named fields. Two layouts are
/// understood: the worklist itself with its last two columns filled in, and the register layout (quarter, variant,
/// resident_no, sigungu_code, outcome, outcome_date) the simulator writes for past quarters.
/// </summary>
internal static class UploadReader
{
    public const string WorklistIdField = "워크리스트ID";

    /// <summary>Normalised names the importer reads, whatever layout the file has.</summary>
    public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [WorklistIdField] = "worklist_id",
        ["worklist_id"] = "worklist_id",
        [WorklistColumns.OutcomeHeader] = "outcome",
        ["outcome"] = "outcome",
        ["결과코드"] = "outcome",
        [WorklistColumns.OutcomeDateHeader] = "outcome_date",
        ["outcome_date"] = "outcome_date",
        ["확인일자"] = "outcome_date",
        ["resident_no"] = "resident_no",
        ["variant"] = "variant",
        ["sigungu_code"] = "sigungu_code",
        ["시군구코드"] = "sigungu_code",
        ["quarter"] = "quarter",
        ["분기"] = "quarter",
    };

    public static List<UploadedRow> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such outcome file.", path);
        }

        return Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".CSV" => ReadCsv(path),
            ".XLSX" => ReadXlsx(path),
            _ => throw new InvalidDataException($"{path}: outcome files must be .csv or .xlsx (the worklist template)."),
        };
    }

    private static List<UploadedRow> ReadCsv(string path)
    {
        using var stream = File.OpenRead(path);
        using var csv = CsvReader.Create(stream, CsvReaderOptions.Default with { HasHeader = true, Mode = CsvMode.Rfc4180, AllowLineBreaksInQuotes = true, TrackLineNumbers = true, Encoding = Encoding.UTF8 }, leaveOpen: true);
        var headers = csv.Headers.Select(h => Aliases.GetValueOrDefault(h.TrimStart('\uFEFF').Trim())).ToArray();
        RequireOutcomeColumns(path, headers);
        var rows = new List<UploadedRow>();
        while (csv.Read())
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < headers.Length && i < csv.FieldCount; i++)
            {
                if (headers[i] is { } name)
                {
                    fields[name] = Encoding.UTF8.GetString(csv.GetSpan(i));
                }
            }

            rows.Add(new UploadedRow(csv.LineNumber, fields));
        }

        return rows;
    }

    private static List<UploadedRow> ReadXlsx(string path)
    {
        var rows = new List<UploadedRow>();
        var line = 1L;
        string?[]? headers = null;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(path, useHeaderRow: true))
        {
            headers ??= [.. row.Keys.Select(k => Aliases.GetValueOrDefault(k.Trim()))];
            RequireOutcomeColumns(path, headers);
            line++;
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in row)
            {
                if (Aliases.GetValueOrDefault(key.Trim()) is { } name)
                {
                    fields[name] = value switch
                    {
                        null => "",
                        DateTime date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
                    };
                }
            }

            rows.Add(new UploadedRow(line, fields));
        }

        return rows;
    }

    private static void RequireOutcomeColumns(string path, string?[] headers)
    {
        var identifies = headers.Contains("worklist_id") || headers.Contains("resident_no");
        if (!identifies || !headers.Contains("outcome") || !headers.Contains("outcome_date"))
        {
            throw new InvalidDataException($"{path}: not an outcome template: it needs {WorklistIdField} (or resident_no and variant), the outcome code and the date checked. Fill in the last two columns of the downloaded worklist.");
        }
    }
}
