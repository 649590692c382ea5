using System.Globalization;
using BlindSpot.Dispatch.Worklists;
using MiniExcelLibs;

namespace BlindSpot.Bench;

/// <summary>
/// An officer's filled-in outcome file for the upload benchmark: the first ROWS rows of a worklist XLSX with the result
/// code and the visit date filled in (alternating 지원 and 비대상), saved as XLSX. The CSV version is made in the script.
/// </summary>
internal static class FilledOutcomeFile
{
    public static int Run(string worklist, string output, int rows)
    {
        var filled = MiniExcel.Query(worklist, useHeaderRow: true).Take(rows).Select((row, i) =>
        {
            var cells = new Dictionary<string, object?>((IDictionary<string, object?>)row, StringComparer.Ordinal)
            {
                [WorklistColumns.OutcomeHeader] = i % 2 == 0 ? "지원" : "비대상",
                [WorklistColumns.OutcomeDateHeader] = new DateOnly(2026, 10, 20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            return cells;
        }).ToList();
        MiniExcel.SaveAs(output, filled, overwriteFile: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{output}: {filled.Count} rows filled"));
        return 0;
    }
}
