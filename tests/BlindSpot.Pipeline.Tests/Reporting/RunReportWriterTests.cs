using System.Text.RegularExpressions;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Regions;
using BlindSpot.Pipeline.Reporting;
using BlindSpot.Pipeline.Tests.TestSupport;

namespace BlindSpot.Pipeline.Tests.Reporting;

/// <summary>The run report as an analyst reads it: Korean and English, names not codes, every table headed, honest axes.</summary>
[NonParallelizable]
public sealed partial class RunReportWriterTests
{
    [Test]
    public async Task Report_CompletedRun_ReadsInKoreanAndEnglishWithNamesNotInternalKeys()
    {
        var html = await CompletedReportAsync();

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<html lang=\"ko\">").And.Contain("단계 · Stages").And.Contain("점수 분포 · Score distributions"));
            Assert.That(html, Does.Contain("서울특별시 · Seoul").And.Contain("경기도 · Gyeonggi-do"), "시도 by name");
            Assert.That(html, Does.Not.Contain("(11)").And.Not.Contain("<tr><td>11</td>"), "not by code");
            Assert.That(html, Does.Contain("받아들인 행 · rows accepted").And.Contain("명부에 없는 키 · keys not on the roster"));
            Assert.That(html, Does.Not.Contain("rowsAccepted").And.Not.Contain("unknownKeys").And.Not.Contain("missingIdentity"));
            Assert.That(html, Does.Contain("위기가구 · household crisis"));
            Assert.That(html, Does.Contain("배부일 · dispatch date 2026-09-30: 결과회신기한 · outcomes due 2026-11-29 (60 days after it)"), "the dispatch date the due dates count from");
        });
    }

    [Test]
    public async Task Report_CompletedRun_EveryTableHasAHeadingAboveIt()
    {
        var html = await CompletedReportAsync();

        // Split at each table: the text since the previous table (or the top) must hold a heading.
        var before = TableStart().Split(html)[..^1];
        Assert.That(before, Has.Length.GreaterThanOrEqualTo(6));
        Assert.That(before.Select((text, i) => (i, headed: HeadingTag().IsMatch(text[(text.LastIndexOf("</table>", StringComparison.Ordinal) + 1)..]))).Where(t => !t.headed).Select(t => t.i), Is.Empty);
        Assert.That(html, Does.Contain("<h3>유형별 할당과 선정 · Quota and selections per variant</h3>"), "the last table used to have none");
    }

    [Test]
    public async Task Report_Scores_AreNamedForWhatTheyAreNotCalledCalibrated()
    {
        var html = await CompletedReportAsync();

        Assert.That(html, Does.Not.Contain("calibrated score"));
        Assert.That(html, Does.Contain("labelled population").And.Contain("not a calibrated chance of crisis for everyone"));
    }

    [Test]
    public async Task Report_CompletedRun_HasAWorklistFileForEverySigunguAndSaysWhichAreEmpty()
    {
        var (root, _) = await SampleRoot.CompletedRunAsync();
        var html = await CompletedReportAsync();
        var files = Directory.GetFiles(Path.Combine(root, "worklists", SampleRoot.Quarter), "*.csv");
        var empty = files.Count(f => File.ReadAllLines(f).Length == 1);

        Assert.That(files, Has.Length.EqualTo(RegionRegistry.LoadDefault().Sigungu.Count));
        Assert.That(empty, Is.GreaterThan(0), "the sample leaves some 시군구 without anyone selected");
        Assert.That(Directory.GetFiles(Path.Combine(root, "worklists", SampleRoot.Quarter), "*.xlsx"), Has.Length.EqualTo(files.Length));
        Assert.That(html, Does.Contain($"이번 분기 대상자가 없는 시군구 {empty}개").And.Contain($"{empty} have nobody selected this quarter"));
    }

    [Test]
    public async Task Render_PreviousQuarterWithoutFeatures_SaysFirstQuarterPlainly()
    {
        var root = await SampleRoot.CopyAsync();
        var charts = Directory.CreateTempSubdirectory("blindspot-report-charts-").FullName;
        try
        {
            // 2026Q1 is the first quarter with features in the prepared sample: 2025Q4 has none.
            var html = System.Net.WebUtility.HtmlDecode(await RunReportWriter.RenderAsync(new DataRoot(root), Quarter.Parse("2026Q1"), RegionRegistry.LoadDefault(), charts, CancellationToken.None));

            Assert.That(html, Does.Contain("첫 분기: 비교할 이전 분기가 없습니다").And.Contain("First quarter: no previous quarter to compare (2025Q4 has no features in this data root)"));
            Assert.That(html, Does.Not.Contain("No features of"));
        }
        finally
        {
            Directory.Delete(charts, recursive: true);
        }
    }

    private static async Task<string> CompletedReportAsync()
    {
        var (root, _) = await SampleRoot.CompletedRunAsync();
        // Decoded: the writer encodes cell text, which turns the "·" between Korean and English into &#183;.
        return System.Net.WebUtility.HtmlDecode(await File.ReadAllTextAsync(Path.Combine(root, "runs", SampleRoot.Quarter, "report.html")));
    }

    [GeneratedRegex("<table")]
    private static partial Regex TableStart();

    [GeneratedRegex("<h[23]>")]
    private static partial Regex HeadingTag();
}
