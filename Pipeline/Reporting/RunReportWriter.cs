using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Regions;
using BlindSpot.Core.Runs;
using BlindSpot.Ingestion.Reporting;
using BlindSpot.Pipeline.Stages;

namespace BlindSpot.Pipeline.Reporting;

/// <summary>
/// <c>runs/&lt;Q&gt;/report.html</c>: a plain page an analyst reads after the run — stages with timings, peak memory and
/// counts, feed volumes against last quarter with rejects, feature drift (population stability index, top movers),
/// score distributions per variant, selections per 시도 and the model versions used, with PNG charts written beside it
/// into <c>chartFolder</c>. Built only from files the stages wrote, with no clock of its own, so the same run gives the
/// same bytes.
/// </summary>
internal static class RunReportWriter
{
    public const string SelectionsChartFile = "selections.png";

    private static readonly string[] StageOrder = ["ingest", "features", "score", "dispatch", "report"];

    public static async Task<string> RenderAsync(DataRoot root, Quarter quarter, RegionRegistry regions, string chartFolder, CancellationToken ct)
    {
        var manifest = RunManifest.LoadOrCreate(root.RunManifest(quarter), quarter.ToString());
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="ko"><head><meta charset="utf-8"><title>BlindSpot run {{quarter}}</title>
            <style>body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin-bottom:1.5em}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:right}th:first-child,td:first-child{text-align:left}.failed{color:#b00}</style>
            </head><body>
            <h1>BlindSpot quarterly run {{quarter}}</h1>

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
        html.Append("<h2>Stages</h2>\n<table><tr><th>stage</th><th>state</th><th>started (UTC)</th><th>seconds</th><th>peak MiB</th><th>counts</th></tr>\n");
        foreach (var name in StageOrder.Where(s => s != "report"))
        {
            if (manifest.Find(name) is not { } record)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{name}</td><td>not run</td><td></td><td></td><td></td><td></td></tr>\n");
                continue;
            }

            var counts = string.Join(", ", record.Counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value:N0}")));
            var state = record.State == StageState.Failed ? $"<span class=\"failed\">failed: {Encode(record.Error)}</span>" : record.State.ToString().ToLowerInvariant();
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{name}</td><td>{state}</td><td>{record.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}</td><td>{record.Duration?.TotalSeconds:F1}</td><td>{record.PeakWorkingSetBytes / (1024.0 * 1024.0):N0}</td><td>{Encode(counts)}</td></tr>\n");
        }

        html.Append("</table>\n");
        var models = manifest.Find("score")?.Inputs.Keys.Where(k => k.StartsWith("models/", StringComparison.Ordinal)).Select(k => k["models/".Length..^"/model.zip".Length]).ToList() ?? [];
        html.Append(CultureInfo.InvariantCulture, $"<h2>Models used</h2>\n<p>{(models.Count == 0 ? "none recorded" : Encode(string.Join(", ", models)))}</p>\n");
    }

    private static void Feeds(StringBuilder html, DataRoot root, Quarter quarter)
    {
        var current = IngestReport.Load(root.IngestReport(quarter));
        var previous = IngestReport.Load(root.IngestReport(quarter.Previous));
        html.Append(CultureInfo.InvariantCulture, $"<h2>Feed volumes against {quarter.Previous}</h2>\n");
        if (current is null)
        {
            html.Append("<p>No ingest report.</p>\n");
            return;
        }

        var before = previous?.All.ToDictionary(f => f.Feed, StringComparer.Ordinal) ?? [];
        html.Append("<table><tr><th>feed</th><th>status</th><th>accepted</th><th>last quarter</th><th>change %</th><th>rejected</th><th>duplicates</th></tr>\n");
        foreach (var feed in current.All)
        {
            var last = before.GetValueOrDefault(feed.Feed)?.Accepted;
            var change = last is > 0 ? ((feed.Accepted - last.Value) * 100.0 / last.Value).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) : "";
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{feed.Feed}</td><td>{feed.Status.ToString().ToLowerInvariant()}</td><td>{feed.Accepted:N0}</td><td>{last:N0}</td><td>{change}</td><td>{feed.Rejected:N0}</td><td>{feed.Duplicates:N0}</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Selections(StringBuilder html, DataRoot root, Quarter quarter, RegionRegistry regions, string chartFolder)
    {
        html.Append("<h2>Selections per 시도</h2>\n");
        var path = root.DispatchSummary(quarter);
        if (!File.Exists(path))
        {
            html.Append("<p>No dispatch summary.</p>\n");
            return;
        }

        using var summary = JsonDocument.Parse(File.ReadAllBytes(path));
        var variants = summary.RootElement.GetProperty("variants").EnumerateObject().Select(v => v.Name).ToList();
        html.Append("<table><tr><th>시도</th>").Append(string.Concat(variants.Select(v => $"<th>{v}</th>"))).Append("<th>total</th></tr>\n");
        var totals = new List<(string Sido, double Total)>();
        foreach (var sido in summary.RootElement.GetProperty("perSido").EnumerateObject())
        {
            var counts = variants.Select(v => sido.Value.TryGetProperty(v, out var n) ? n.GetInt32() : 0).ToList();
            totals.Add((sido.Name, counts.Sum()));
            var name = regions.Sido.FirstOrDefault(s => s.Code == sido.Name)?.NameKo ?? sido.Name;
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(name)} ({sido.Name})</td>")
                .Append(string.Concat(counts.Select(n => string.Create(CultureInfo.InvariantCulture, $"<td>{n:N0}</td>"))))
                .Append(CultureInfo.InvariantCulture, $"<td>{counts.Sum():N0}</td></tr>\n");
        }

        ReportCharts.Bars(chartFolder, SelectionsChartFile, $"Selections per sido {quarter}", "sido code", "people selected", [.. totals.Select(t => t.Sido)], [.. totals.Select(t => t.Total)]);
        html.Append(CultureInfo.InvariantCulture, $"</table>\n<p><img src=\"{SelectionsChartFile}\" alt=\"selections per 시도\"></p>\n<table><tr><th>variant</th><th>quota</th><th>selected</th><th>model</th></tr>\n");
        foreach (var variant in summary.RootElement.GetProperty("variants").EnumerateObject())
        {
            var v = variant.Value;
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{variant.Name}</td><td>{v.GetProperty("quota").GetInt32():N0}</td><td>{v.GetProperty("selected").GetInt32():N0}</td><td>{Encode(v.GetProperty("modelVersion").GetString())}</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");
}
