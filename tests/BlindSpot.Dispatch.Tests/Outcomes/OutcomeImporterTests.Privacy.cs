using System.Text;
using BlindSpot.Dispatch.Outcomes;
using CsvHelper;
using static BlindSpot.Dispatch.Tests.TestSupport.DispatchScenario;

namespace BlindSpot.Dispatch.Tests.Outcomes;

/// <summary>An upload never tells an officer anything about people outside their own list; what it writes is safe to open in Excel.</summary>
public sealed partial class OutcomeImporterTests
{
    [Test]
    public async Task Import_ResidentOnAnotherSigungusList_GetsTheSameAnswerAsAnUnknownResident()
    {
        var foreign = scenario["가구주01"];   // on 26110's household list
        var unknown = scenario["가구주50"];   // in 11110, never dispatched
        var upload = Path.Combine(root.Path, "probe.csv");
        File.WriteAllText(upload, $"quarter,variant,resident_no,outcome,outcome_date\n2026Q3,household,{foreign.ResidentNumber},supported,2026-10-20\n2026Q3,household,{unknown.ResidentNumber},supported,2026-10-20\n");

        var result = await Importer().ImportAsync(root, Quarter, upload, sigungu: "11110");

        var (a, b) = (result.Rows[0], result.Rows[1]);
        Assert.That((a.Accepted, a.Field, a.Message, a.WorklistId), Is.EqualTo((b.Accepted, b.Field, b.Message, b.WorklistId)));
        Assert.That(a.WorklistId, Is.Null, "no worklist id of another 시군구's list");
        Assert.That(File.ReadAllText(result.ReportPath), Does.Not.Contain("26110").And.Not.Contain("-H-"));
    }

    [Test]
    public async Task Import_WorklistIdOfAnotherSigungu_GetsTheSameAnswerAsAnUnknownId()
    {
        var foreignId = File.ReadAllLines(Path.Combine(root.WorklistFolder(Quarter), "26110.csv"))[1].Split(',')[0];
        var upload = Path.Combine(root.Path, "probe.csv");
        File.WriteAllText(upload, $"워크리스트ID,결과코드,확인일자\n{foreignId},supported,2026-10-20\n2026Q3-11110-H-999999,supported,2026-10-20\n");

        var result = await Importer().ImportAsync(root, Quarter, upload, sigungu: "11110");

        Assert.That(result.Rows.Select(r => (r.Accepted, r.Field, r.Message)).Distinct().Count(), Is.EqualTo(1));
        Assert.That(result.Rows[0].Message, Does.Not.Contain("시군구's worklist"));
    }

    [TestCase("=1+1")]
    [TestCase("@SUM(1)")]
    [TestCase("=HYPERLINK(\"http://x.example\",\"a,b\")")]
    [TestCase("+cmd|' /C calc'!A0")]
    public async Task Import_FormulaInTheWorklistIdColumn_IsEscapedInTheReport(string id)
    {
        var upload = Path.Combine(root.Path, "formula.csv");
        File.WriteAllText(upload, $"워크리스트ID,결과코드,확인일자\r\n\"{id.Replace("\"", "\"\"", StringComparison.Ordinal)}\",supported,2026-10-20\r\n", new UTF8Encoding(true));

        var result = await Importer().ImportAsync(root, Quarter, upload);

        var cells = ReadCsv(result.ReportPath);
        Assert.That(cells[1], Has.Length.EqualTo(cells[0].Length), "the id does not add fields");
        Assert.That(cells[1][^1], Is.EqualTo("'" + id));
    }

    [Test]
    public async Task Import_FormulaInARegisterId_IsEscapedInTheHistoryAndReadBackAsIs()
    {
        var register = root.PastDispatches(Quarter);
        var lines = File.ReadAllLines(register);
        var row = Array.FindIndex(lines, l => l.Contains(",11110,", StringComparison.Ordinal));
        var id = lines[row].Split(',')[^1];
        lines[row] = lines[row].Replace(id, "=1+1", StringComparison.Ordinal);
        File.WriteAllLines(register, lines);
        var upload = Path.Combine(root.Path, "formula.csv");
        File.WriteAllText(upload, "워크리스트ID,결과코드,확인일자\n=1+1,supported,2026-10-20\n");

        var result = await Importer().ImportAsync(root, Quarter, upload);

        Assert.That(result.Accepted, Is.EqualTo(1));
        var history = ReadCsv(Path.Combine(root.OutcomesFolder(Quarter), "outcome-history.csv"));
        Assert.That(history[1][2], Is.EqualTo("'=1+1"));
        Assert.That(OutcomeProgress.ReportedWorklistIds(root, Quarter, "11110"), Is.EquivalentTo(new[] { "=1+1" }));
        // The portal's incremental reader (rows appended since an offset) reads the same file the same way.
        var (rows, end) = OutcomeProgress.ReportedSince(OutcomeProgress.HistoryFile(root, Quarter), 0);
        Assert.That(rows, Is.EqualTo(new[] { ("11110", "=1+1") }));
        Assert.That(end, Is.EqualTo(new FileInfo(OutcomeProgress.HistoryFile(root, Quarter)).Length));
    }

    /// <summary>Every record of a CSV file as its fields, read by CsvHelper as a spreadsheet program would split them.</summary>
    internal static List<string[]> ReadCsv(string path)
    {
        using var csv = CsvReader.Create(File.OpenRead(path), CsvReaderOptions.Default with { HasHeader = false, Separator = ',' }, leaveOpen: false);
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add([.. Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i).TrimStart('\uFEFF'))]);
        }

        return rows;
    }
}
