using System.Globalization;
using System.Security;
using System.Text.RegularExpressions;
using BlindSpot.Dispatch.Outcomes;

namespace BlindSpot.Dispatch.Worklists;

/// <summary>
/// Makes the worklist XLSX a template an officer fills in Excel: the result-code column gets a drop-down of the Korean
/// result words the importer reads (<see cref="OutcomeCode.Korean"/>), and the date column real date cells (a
/// <c>yyyy-mm-dd</c> number format on its blank cells, which MiniExcel writes as empty text, and a date validation), so a
/// typed date is stored as a date, not text. Applied to MiniExcel's sheet and style XML as text, deterministically.
/// </summary>
internal static partial class XlsxTemplateCells
{
    private const int DateFormatId = 164;   // the first id free for custom number formats

    public static string Sheet(string xml, int dateStyle)
    {
        var (outcome, date) = (Letter(WorklistColumns.OutcomeHeader), Letter(WorklistColumns.OutcomeDateHeader));
        // The blank cells MiniExcel writes as empty strings become blank cells: the date column's with the date style.
        xml = Regex.Replace(xml, $"<x:c r=\"{date}([0-9]+)\" t=\"str\" s=\"2\"><x:v></x:v></x:c>", m => m.Groups[1].Value == "1" ? m.Value : $"<x:c r=\"{date}{m.Groups[1].Value}\" s=\"{dateStyle.ToString(CultureInfo.InvariantCulture)}\" />");
        xml = Regex.Replace(xml, $"<x:c r=\"{outcome}([0-9]+)\" t=\"str\" s=\"2\"><x:v></x:v></x:c>", m => $"<x:c r=\"{outcome}{m.Groups[1].Value}\" s=\"2\" />");
        var words = string.Join(',', OutcomeCode.All.Select(OutcomeCode.Korean));
        var validations = $"""<x:dataValidations count="2"><x:dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="결과코드" error="{SecurityElement.Escape($"목록에서 고르세요: {words}")}" sqref="{outcome}2:{outcome}1048576"><x:formula1>"{words}"</x:formula1></x:dataValidation><x:dataValidation type="date" operator="greaterThanOrEqual" allowBlank="1" showErrorMessage="1" errorTitle="확인일자" error="날짜를 2026-10-20처럼 적어 주세요." sqref="{date}2:{date}1048576"><x:formula1>36526</x:formula1></x:dataValidation></x:dataValidations>""";
        // Schema order: dataValidations after autoFilter, before the drawing (or at the end).
        var at = xml.IndexOf("<x:drawing", StringComparison.Ordinal) is var d and >= 0 ? d : xml.LastIndexOf("</x:worksheet>", StringComparison.Ordinal);
        return xml.Insert(at, validations);
    }

    /// <summary>Adds the date number format and a cell style using it; returns the styles and the new style's index.</summary>
    public static (string Xml, int DateStyle) Styles(string xml)
    {
        var count = CellXfsCount().Match(xml);
        var styles = int.Parse(count.Groups[1].Value, CultureInfo.InvariantCulture);
        xml = xml.Replace(count.Value, $"<x:cellXfs count=\"{(styles + 1).ToString(CultureInfo.InvariantCulture)}\">", StringComparison.Ordinal)
            .Replace("</x:cellXfs>", $"<x:xf numFmtId=\"{DateFormatId}\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyBorder=\"1\" /></x:cellXfs>", StringComparison.Ordinal);
        var format = $"<x:numFmt numFmtId=\"{DateFormatId}\" formatCode=\"yyyy-mm-dd\" />";
        xml = xml.Contains("<x:numFmts count=\"0\"></x:numFmts>", StringComparison.Ordinal)
            ? xml.Replace("<x:numFmts count=\"0\"></x:numFmts>", $"<x:numFmts count=\"1\">{format}</x:numFmts>", StringComparison.Ordinal)
            : throw new InvalidOperationException("MiniExcel's styles.xml has number formats of its own; the template's date format needs its id.");
        return (xml, styles);
    }

    /// <summary>The column letter of a worklist column (A, B, … Z, AA …).</summary>
    private static string Letter(string header)
    {
        var index = WorklistColumns.All.Select(c => c.Header).ToList().IndexOf(header) + 1;
        var letters = "";
        for (; index > 0; index = (index - 1) / 26)
        {
            letters = (char)('A' + ((index - 1) % 26)) + letters;
        }

        return letters;
    }

    [GeneratedRegex("<x:cellXfs count=\"([0-9]+)\">")]
    private static partial Regex CellXfsCount();
}
