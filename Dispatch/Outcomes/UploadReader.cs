using BlindSpot.Dispatch.Worklists;

namespace BlindSpot.Dispatch.Outcomes;

/// <summary>
/// Reads an uploaded outcome file, CSV (UTF-8 or CP949) or XLSX, as a stream of rows of named fields, within
/// <see cref="OutcomeImportLimits"/>. Two layouts are understood: the worklist itself with its last two columns filled
/// in, and the register layout (quarter, variant, resident_no, sigungu_code, outcome, outcome_date) the simulator writes
/// for past quarters. An optional correction column (정정) marks rows meant to replace an earlier answer.
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
        ["correction"] = "correction",
        ["정정"] = "correction",
        ["정정여부"] = "correction",
    };

    public static IEnumerable<UploadedRow> Read(string path, OutcomeImportLimits limits)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such outcome file.", path);
        }

        return Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".CSV" => CsvUploadReader.Read(path, limits),
            ".XLSX" => XlsxUploadReader.Read(path, limits),
            _ => throw new OutcomeFileException("invalid-type", $"{path}: outcome files must be .csv or .xlsx (the worklist template).", "CSV 또는 XLSX 파일만 올릴 수 있습니다."),
        };
    }

    /// <summary>The importer's name of each header cell (null for columns it does not read), once the header is checked.</summary>
    public static IReadOnlyList<string?> Columns(string path, IReadOnlyList<string> header, OutcomeImportLimits limits)
    {
        if (header.Count > limits.MaxColumns)
        {
            throw new OutcomeFileException(
                "too-many-columns",
                $"{path}: {header.Count:N0} columns; an outcome file has at most {limits.MaxColumns:N0} (the worklist has {WorklistColumns.All.Count}).",
                $"열이 너무 많습니다: {limits.MaxColumns:N0}열까지 올릴 수 있습니다. 내려받은 워크리스트에 결과를 채운 파일인지 확인해 주세요.");
        }

        string?[] names = [.. header.Select(h => Aliases.GetValueOrDefault(h.Trim()))];
        var identifies = names.Contains("worklist_id") || names.Contains("resident_no");
        if (!identifies || !names.Contains("outcome") || !names.Contains("outcome_date"))
        {
            throw new OutcomeFileException(
                "not-a-template",
                $"{path}: not an outcome template: it needs {WorklistIdField} (or resident_no and variant), the outcome code and the date checked. Fill in the last two columns of the downloaded worklist.",
                "결과 양식이 아닙니다: 내려받은 워크리스트의 마지막 두 열(결과코드, 확인일자)을 채워 올려 주세요.");
        }

        return names;
    }
}
