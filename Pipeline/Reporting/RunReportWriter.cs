using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Regions;
using BlindSpot.Core.Runs;
using BlindSpot.Core.Stages;
using BlindSpot.Ingestion.Reporting;
using BlindSpot.Pipeline.Stages;

namespace BlindSpot.Pipeline.Reporting;

/// <summary>
/// <c>runs/&lt;Q&gt;/report.html</c>: a plain page an analyst reads after the run, in Korean with English beside it — stages
/// with timings, peak memory and readable counts, feed volumes against last quarter with rejects and the volume changes
/// the operator accepted, feature drift (population stability index, top movers), score distributions per variant,
/// selections per 시도 (by name), the quota per variant with the model versions used and the worklist files, every table
/// under its own heading, with PNG charts written beside it into <c>chartFolder</c>. Built only from files the stages
/// wrote, with no clock of its own, so the same run gives the same bytes.
/// </summary>
internal static class RunReportWriter
{
    public const string SelectionsChartFile = "selections.png";

    public static async Task<string> RenderAsync(DataRoot root, Quarter quarter, RegionRegistry regions, string chartFolder, CancellationToken ct)
    {
        var manifest = RunManifest.Load(root, quarter);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="ko"><head><meta charset="utf-8"><title>BlindSpot {{quarter}} 분기 실행 보고서 · run report</title>
            <style>body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin-bottom:1.5em}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:right}th:first-child,td:first-child{text-align:left}.failed{color:#b00}</style>
            </head><body>
            <h1>BlindSpot {{quarter}} 분기 실행 보고서 · quarterly run report</h1>

            """);
        Stages(html, manifest);
        Feeds(html, root, quarter);
        await FeatureDrift.AppendAsync(html, root, quarter, chartFolder, ct).ConfigureAwait(false);
        await ScoreDistribution.AppendAsync(html, root, quarter, chartFolder, ct).ConfigureAwait(false);
        Selections(html, root, quarter, regions, chartFolder);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void Stages(StringBuilder html, RunManifest manifest)
    {
        html.Append("<h2>단계 · Stages</h2>\n<table><tr><th>단계 · stage</th><th>상태 · state</th><th>시작 (UTC) · started</th><th>초 · seconds</th><th>최대 MiB · peak MiB</th><th>건수 · counts</th></tr>\n");
        foreach (var name in StageNames.Before(StageNames.Report))
        {
            if (manifest.Find(name) is not { } record)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{name}</td><td>실행 안 됨 · not run</td><td></td><td></td><td></td><td></td></tr>\n");
                continue;
            }

            var counts = string.Join("; ", record.Counts.Select(c => ReportText.Count(c.Key, c.Value)));
            var state = record.State == StageState.Failed ? $"<span class=\"failed\">failed: {Encode(record.Error)}</span>" : record.State.ToString().ToLowerInvariant();
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{name}</td><td>{state}</td><td>{record.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}</td><td>{record.Duration?.TotalSeconds:F1}</td><td>{record.PeakWorkingSetBytes / (1024.0 * 1024.0):N0}</td><td>{Encode(counts)}</td></tr>\n");
        }

        html.Append("</table>\n");
        var models = manifest.Find(StageNames.Score)?.Inputs.Keys.Where(k => k.StartsWith("models/", StringComparison.Ordinal)).Select(k => k["models/".Length..^"/model.zip".Length]).ToList() ?? [];
        html.Append(CultureInfo.InvariantCulture, $"<h2>사용한 모형 · Models used</h2>\n<p>{(models.Count == 0 ? "기록 없음 · none recorded" : Encode(string.Join(", ", models)))}</p>\n");
    }

    private static void Feeds(StringBuilder html, DataRoot root, Quarter quarter)
    {
        var current = IngestReport.Load(root.IngestReport(quarter));
        var previous = IngestReport.Load(root.IngestReport(quarter.Previous));
        html.Append(CultureInfo.InvariantCulture, $"<h2>연계 자료 건수 ({quarter.Previous} 대비) · Feed volumes against {quarter.Previous}</h2>\n");
        if (current is null)
        {
            html.Append("<p>수집 보고서 없음 · No ingest report.</p>\n");
            return;
        }

        if (previous is null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(ReportText.FirstQuarterNote(quarter, "수집 보고서가", "ingest report"))}</p>\n");
        }

        var before = previous?.All.ToDictionary(f => f.Feed, StringComparer.Ordinal) ?? [];
        html.Append(CultureInfo.InvariantCulture, $"<h3>연계 자료별 · Per feed</h3>\n<table><tr><th>연계 자료 · feed</th><th>상태 · status</th><th>받아들인 행 · accepted</th><th>{quarter.Previous}</th><th>증감 % · change %</th><th>거부 · rejected</th><th>중복 · duplicates</th></tr>\n");
        foreach (var feed in current.All)
        {
            var last = before.GetValueOrDefault(feed.Feed)?.Accepted;
            var change = last is > 0 ? ((feed.Accepted - last.Value) * 100.0 / last.Value).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) : "";
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{feed.Feed}</td><td>{feed.Status.ToString().ToLowerInvariant()}</td><td>{feed.Accepted:N0}</td><td>{last:N0}</td><td>{change}</td><td>{feed.Rejected:N0}</td><td>{feed.Duplicates:N0}</td></tr>\n");
        }

        html.Append("</table>\n");
        AcceptedVolumeChanges(html, current);
    }

    /// <summary>
    /// The changes beyond the volume limits that the operator let through with <c>ingest --accept-volume-change</c>: a
    /// roster 40 % smaller passed only because someone said so, and whoever reads the report must see that it did.
    /// </summary>
    private static void AcceptedVolumeChanges(StringBuilder html, IngestReport current)
    {
        var accepted = current.VolumeChanges.Where(c => c.Accepted).ToList();
        if (accepted.Count == 0)
        {
            return;
        }

        html.Append("<h3>운영자가 승인한 건수 변화 (--accept-volume-change) · Volume changes accepted by the operator</h3>\n")
            .Append("<table><tr><th>연계 자료 · feed</th><th>비교 분기 · compared with</th><th>이전 · previous</th><th>현재 · current</th><th>증감 % · change %</th><th>한도 · limit</th></tr>\n");
        foreach (var change in accepted)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{Encode(change.Feed)}</td><td>{Encode(change.PreviousQuarter)}</td><td>{change.Previous:N0}</td><td>{change.Current:N0}</td><td>{change.Change * 100:+0.0;-0.0;0.0}</td><td>±{change.Limit * 100:0.#} %</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Selections(StringBuilder html, DataRoot root, Quarter quarter, RegionRegistry regions, string chartFolder)
    {
        html.Append("<h2>시도별 선정 · Selections per 시도</h2>\n");
        var path = root.DispatchSummary(quarter);
        if (!File.Exists(path))
        {
            html.Append("<p>배정 요약 없음 · No dispatch summary.</p>\n");
            return;
        }

        if (Dispatch.DispatchCalendar.Read(root, quarter) is { } calendar)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>배부일 · dispatch date {calendar.DispatchDate:yyyy-MM-dd}: 결과회신기한 · outcomes due {calendar.Due:yyyy-MM-dd} ({calendar.OutcomeDueDays} days after it)</p>\n");
        }

        using var summary = JsonDocument.Parse(File.ReadAllBytes(path));
        var variants = summary.RootElement.GetProperty("variants").EnumerateObject().Select(v => v.Name).ToList();
        html.Append("<table><tr><th>시도</th>").Append(string.Concat(variants.Select(v => $"<th>{Encode(ReportText.Variant(v))}</th>"))).Append("<th>합계 · total</th></tr>\n");
        var totals = new List<(string Sido, double Total)>();
        foreach (var sido in summary.RootElement.GetProperty("perSido").EnumerateObject())
        {
            var counts = variants.Select(v => sido.Value.TryGetProperty(v, out var n) ? n.GetInt32() : 0).ToList();
            var region = regions.Sido.FirstOrDefault(s => s.Code == sido.Name);
            // The chart's font may have no Hangul, so the chart names each 시도 in English; the table in both.
            totals.Add((region?.NameEn ?? sido.Name, counts.Sum()));
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(region is null ? sido.Name : ReportText.Both(region.NameKo, region.NameEn))}</td>")
                .Append(string.Concat(counts.Select(n => string.Create(CultureInfo.InvariantCulture, $"<td>{n:N0}</td>"))))
                .Append(CultureInfo.InvariantCulture, $"<td>{counts.Sum():N0}</td></tr>\n");
        }

        ReportCharts.Bars(chartFolder, SelectionsChartFile, $"Selections per sido {quarter}", "sido", "people selected", [.. totals.Select(t => t.Sido)], [.. totals.Select(t => t.Total)]);
        html.Append(CultureInfo.InvariantCulture, $"</table>\n<p><img src=\"{SelectionsChartFile}\" alt=\"시도별 선정 · selections per 시도\"></p>\n");
        html.Append("<h3>유형별 할당과 선정 · Quota and selections per variant</h3>\n<table><tr><th>유형 · variant</th><th>할당 · quota</th><th>선정 · selected</th><th>모형 · model</th></tr>\n");
        foreach (var variant in summary.RootElement.GetProperty("variants").EnumerateObject())
        {
            var v = variant.Value;
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{Encode(ReportText.Variant(variant.Name))}</td><td>{v.GetProperty("quota").GetInt32():N0}</td><td>{v.GetProperty("selected").GetInt32():N0}</td><td>{Encode(v.GetProperty("modelVersion").GetString())}</td></tr>\n");
        }

        html.Append("</table>\n");
        WorklistFiles(html, root, quarter, regions, summary.RootElement.GetProperty("perSigungu").EnumerateObject().Count());
    }

    private static void WorklistFiles(StringBuilder html, DataRoot root, Quarter quarter, RegionRegistry regions, int withEntries)
    {
        var folder = root.WorklistFolder(quarter);
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.csv").Length : 0;
        var empty = regions.Sigungu.Count - withEntries;
        // The folder relative to the data root: the report's bytes must not depend on where the data root lives.
        var relative = root.Relative(folder);
        html.Append(CultureInfo.InvariantCulture, $"<h2>워크리스트 파일 · Worklist files</h2>\n<p>{relative}/: 시군구 파일 {files:N0}개 (CSV, XLSX) · {files:N0} 시군구 files (CSV, XLSX). ")
            .Append(CultureInfo.InvariantCulture, $"대상자가 있는 시군구 {withEntries:N0}개, 이번 분기 대상자가 없는 시군구 {empty:N0}개 (머리글만 있는 파일) · ")
            .Append(CultureInfo.InvariantCulture, $"{withEntries:N0} 시군구 have people to visit; {empty:N0} have nobody selected this quarter (their files hold the header only).</p>\n");
    }

    private static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");
}
