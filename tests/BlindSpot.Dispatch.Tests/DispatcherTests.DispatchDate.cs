using BlindSpot.Dispatch.Worklists;
using MiniExcelLibs;
using static BlindSpot.Dispatch.Tests.TestSupport.DispatchScenario;

namespace BlindSpot.Dispatch.Tests;

/// <summary>The due date (결과회신기한) counts from the dispatch date, not from the quarter's end.</summary>
public sealed partial class DispatcherTests
{
    [Test]
    public async Task Dispatch_LateDispatchDate_EveryEntryDueFromIt()
    {
        await CreateAsync(root);
        var options = Options();
        options.DispatchDate = Quarter.LastDay.AddDays(23);

        var (summary, entries) = await RunAsync(options);

        var due = Quarter.LastDay.AddDays(23 + options.OutcomeDueDays);
        Assert.That(entries, Is.Not.Empty);
        Assert.That(entries.Select(e => e.OutcomeDue), Has.All.EqualTo(due));
        Assert.That(summary.DispatchDate, Is.EqualTo(options.DispatchDate));
        Assert.That(DispatchCalendar.Read(root, Quarter), Is.EqualTo(new DispatchCalendar(options.DispatchDate.Value, options.OutcomeDueDays)), "the portal reads the 배부일 back");
    }

    [Test]
    public async Task Dispatch_LateDispatchDate_WorklistFilesCarryTheDueDate()
    {
        await CreateAsync(root);
        var options = Options();
        options.DispatchDate = Quarter.LastDay.AddDays(40);

        await RunAsync(options);

        var expected = Quarter.LastDay.AddDays(100).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var folder = root.WorklistFolder(Quarter);
        var csv = MiniExcel.Query(Path.Combine(folder, "11110.csv"), useHeaderRow: true, excelType: ExcelType.CSV).Cast<IDictionary<string, object>>().ToList();
        var xlsx = MiniExcel.Query(Path.Combine(folder, "11110.xlsx"), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.That(csv, Is.Not.Empty);
        Assert.That(csv.Select(r => r.Keys.Single(k => k.EndsWith("결과회신기한", StringComparison.Ordinal)) is var key ? r[key]?.ToString() : null), Has.All.EqualTo(expected));
        Assert.That(xlsx.Select(r => r["결과회신기한"]?.ToString()), Has.All.EqualTo(expected));
    }

    [Test]
    public async Task Dispatch_NoDispatchDate_DueFromTheQuarterLastDayAsBefore()
    {
        await CreateAsync(root);

        var (summary, entries) = await RunAsync(Options());

        Assert.That(entries.Select(e => e.OutcomeDue), Has.All.EqualTo(Quarter.LastDay.AddDays(60)));
        Assert.That(summary.DispatchDate, Is.EqualTo(Quarter.LastDay));
    }

    [TestCase(-1, TestName = "Dispatch_DispatchDateBeforeTheQuarterEnds_IsRefusedNamingTheKey")]
    [TestCase(93, TestName = "Dispatch_DispatchDateAfterTheNextQuarterEnds_IsRefusedNamingTheKey")]
    public async Task Dispatch_DispatchDateOutOfRange_IsRefusedNamingTheKey(int daysAfterQuarterEnd)
    {
        await CreateAsync(root);
        var options = Options();
        // 2026Q3 ends on 30 September; 2026Q4 (92 days later) on 31 December.
        options.DispatchDate = Quarter.LastDay.AddDays(daysAfterQuarterEnd);

        var error = Assert.ThrowsAsync<ArgumentException>(() => RunAsync(options));

        Assert.That(error!.Message, Does.Contain("DispatchDate").And.Contain("2026-09-30–2026-12-31"));
        Assert.That(Directory.Exists(root.WorklistFolder(Quarter)) && Directory.EnumerateFiles(root.WorklistFolder(Quarter)).Any(), Is.False, "nothing written");
    }

    [TestCase(0, TestName = "ValidateFor_TheQuarterLastDay_IsAccepted")]
    [TestCase(92, TestName = "ValidateFor_TheNextQuarterLastDay_IsAccepted")]
    public void ValidateFor_DispatchDateAtTheBounds_IsAccepted(int daysAfterQuarterEnd)
    {
        var options = new DispatchOptions { DispatchDate = Quarter.LastDay.AddDays(daysAfterQuarterEnd) };

        Assert.That(() => options.ValidateFor(Quarter), Throws.Nothing);
        Assert.That(options.OutcomeDueOf(Quarter), Is.EqualTo(Quarter.LastDay.AddDays(daysAfterQuarterEnd + 60)));
    }
}
