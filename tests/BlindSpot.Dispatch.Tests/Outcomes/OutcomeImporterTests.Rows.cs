using BlindSpot.Dispatch.Outcomes;
using BlindSpot.Testing;
using static BlindSpot.Dispatch.Tests.TestSupport.DispatchScenario;

namespace BlindSpot.Dispatch.Tests.Outcomes;

/// <summary>What each row means: codes and dates as officials write them, rows not yet worked, duplicates, conflicts and re-imports.</summary>
public sealed partial class OutcomeImporterTests
{
    [TestCase("SUPPORTED")]
    [TestCase("Supported")]
    [TestCase(" supported ")]
    [TestCase("지원")]
    [TestCase("NOT_ELIGIBLE")]
    [TestCase("Unreachable")]
    public async Task Import_OutcomeCodes_AreReadWhateverTheirCase(string code)
    {
        var result = await Importer().ImportAsync(root, Quarter, FillWorklist("11110", (_, _) => (code, "2026-10-20")));

        Assert.That(result.Rejected, Is.Zero, string.Join("; ", result.Rows.Select(r => r.Message)));
    }

    // 2026-10-20 16:30 UTC is already 01:30 on 2026-10-21 in Korea: a visit dated that Korean day is today, not the future.
    [TestCase("2026-10-21", true)]
    [TestCase("2026-10-22", false)]
    public async Task Import_VisitDatedTodayInKorea_IsTakenWhileUtcIsStillYesterday(string date, bool accepted)
    {
        var importer = new OutcomeImporter(Keys, new KoreanNight());

        var result = await importer.ImportAsync(root, Quarter, FillWorklist("11110", (_, _) => ("supported", date)));

        Assert.That(result.Rejected, accepted ? Is.Zero : Is.EqualTo(result.Read), string.Join("; ", result.Rows.Select(r => r.Message)));
    }

    [TestCase("2026/10/22")]
    [TestCase("2026.10.22")]
    [TestCase("2026. 10. 22.")]
    [TestCase("2026-10-22")]
    [TestCase("20261022")]
    public async Task Import_KoreanDateForms_AreRead(string date)
    {
        var result = await Importer().ImportAsync(root, Quarter, FillWorklist("11110", (_, _) => ("supported", date)));

        Assert.That(result.Rejected, Is.Zero, string.Join("; ", result.Rows.Select(r => r.Message)));
    }

    [Test]
    public async Task Import_ExcelSerialDate_IsReadAsTheDate()
    {
        var own = File.ReadAllLines(Path.Combine(root.WorklistFolder(Quarter), "11110.csv"))[1].Split(',')[0];
        var upload = Path.Combine(root.Path, "serial.xlsx");
        File.WriteAllBytes(upload, RawXlsx.Sheet([(1, ["워크리스트ID", "결과코드", "확인일자"]), (2, [own, "supported", 46317d])]));

        var result = await Importer().ImportAsync(root, Quarter, upload);

        Assert.That(result.Accepted, Is.EqualTo(1), string.Join("; ", result.Rows.Select(r => r.Message)));
        var history = ReadCsv(Path.Combine(root.OutcomesFolder(Quarter), "outcome-history.csv"));
        Assert.That(history[1][^1], Is.EqualTo("2026-10-22"));
    }

    [Test]
    public async Task Import_UntouchedTemplate_CountsRowsAsNotYetWorkedNotRejected()
    {
        var upload = FillWorklist("11110", (_, i) => i == 0 ? ("supported", "2026-10-20") : ("", ""));

        var result = await Importer().ImportAsync(root, Quarter, upload);

        Assert.That(result.Accepted, Is.EqualTo(1));
        Assert.That(result.Rejected, Is.Zero);
        var report = ReadCsv(result.ReportPath);
        Assert.That(report.Skip(1).Count(r => r[1] == "not-yet-worked"), Is.EqualTo(result.Read - 1));
    }

    [Test]
    public async Task Import_DuplicateAndConflictingRows_AreReportedPerRow()
    {
        var lines = File.ReadAllLines(Path.Combine(root.WorklistFolder(Quarter), "11110.csv"));
        var (x, y) = (lines[1].Split(',')[0], lines[2].Split(',')[0]);
        var upload = Path.Combine(root.Path, "twice.csv");
        File.WriteAllText(upload, $"워크리스트ID,결과코드,확인일자\n{x},supported,2026-10-20\n{x},supported,2026-10-20\n{y},supported,2026-10-20\n{y},not_eligible,2026-10-21\n");

        var result = await Importer().ImportAsync(root, Quarter, upload);

        Assert.That(result.Rows.Select(r => r.Accepted), Is.EqualTo(new[] { true, true, true, false }));
        Assert.That(result.Rows[1].Message, Does.Contain("duplicate of line 2"));
        Assert.That(result.Rows[3].Message, Does.Contain("conflicts with line 4"));
        var history = ReadCsv(Path.Combine(root.OutcomesFolder(Quarter), "outcome-history.csv"));
        Assert.That(history, Has.Count.EqualTo(1 + 2), "x once, y once");
    }

    [Test]
    public async Task Import_ConflictWithAnEarlierImport_IsRejectedUnlessMarkedAsACorrection()
    {
        var id = File.ReadAllLines(Path.Combine(root.WorklistFolder(Quarter), "11110.csv"))[1].Split(',')[0];
        var first = Path.Combine(root.Path, "first.csv");
        File.WriteAllText(first, $"워크리스트ID,결과코드,확인일자\n{id},unreachable,2026-10-20\n");
        var unmarked = Path.Combine(root.Path, "unmarked.csv");
        File.WriteAllText(unmarked, $"워크리스트ID,결과코드,확인일자\n{id},supported,2026-10-25\n");
        var marked = Path.Combine(root.Path, "marked.csv");
        File.WriteAllText(marked, $"워크리스트ID,결과코드,확인일자,정정\n{id},supported,2026-10-25,Y\n");

        await Importer().ImportAsync(root, Quarter, first);
        var refused = await Importer().ImportAsync(root, Quarter, unmarked);
        var corrected = await Importer().ImportAsync(root, Quarter, marked);

        Assert.That(refused.Rows.Single().Accepted, Is.False);
        Assert.That(refused.Rows.Single().Message, Does.Contain("unreachable").And.Contain("정정"));
        Assert.That((corrected.Accepted, corrected.Corrections), Is.EqualTo((1, 1)));
        Assert.That((await ReadLabelsAsync()).Single().Outcome, Is.EqualTo("supported"));
    }

    [Test]
    public async Task Import_TheSameFileTwice_AddsNothingToTheHistoryTheSecondTime()
    {
        var upload = FillWorklist("11110", (_, _) => ("supported", "2026-10-20"));
        var historyPath = Path.Combine(root.OutcomesFolder(Quarter), "outcome-history.csv");

        var first = await Importer().ImportAsync(root, Quarter, upload);
        var history = File.ReadAllBytes(historyPath);
        var second = await Importer().ImportAsync(root, Quarter, upload);

        Assert.That(File.ReadAllBytes(historyPath), Is.EqualTo(history));
        Assert.That((second.Accepted, second.Corrections), Is.EqualTo((first.Accepted, 0)));
        Assert.That(second.Rows, Has.All.Matches<Dispatch.Outcomes.OutcomeRowResult>(r => r.Message.Contains("already on record", StringComparison.Ordinal)));
    }

    [Test]
    public async Task Import_LinesOfSeparatorsOnly_AreNotRows()
    {
        var id = File.ReadAllLines(Path.Combine(root.WorklistFolder(Quarter), "11110.csv"))[1].Split(',')[0];
        var upload = Path.Combine(root.Path, "blank.csv");
        File.WriteAllText(upload, $"워크리스트ID,결과코드,확인일자\n,,\n{id},supported,2026-10-20\n , ,\n");

        var result = await Importer().ImportAsync(root, Quarter, upload);

        Assert.That(result.Rows.Select(r => (r.Line, r.Accepted)), Is.EqualTo(new[] { (3L, true) }));
    }

    private sealed class KoreanNight : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 10, 20, 16, 30, 0, TimeSpan.Zero);
    }
}
