using System.Globalization;
using System.Text;
using BlindSpot.Core.Quarters;
using BlindSpot.Pipeline;
using BlindSpot.Pipeline.Runs;
using BlindSpot.Portal.Audit;
using BlindSpot.Portal.Pages;
using BlindSpot.Portal.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BlindSpot.Portal.Endpoints;

/// <summary>The analyst's pages (English): runs with each stage's state, timings and counts; trigger a run; the run report; model cards and evaluation reports.</summary>
internal static class AnalystEndpoints
{
    public const string Policy = "analyst";

    // Reports are our own generated HTML with inline styles and their charts inlined as data: URIs (ReportCharts), and no script: allow exactly that, sandboxed.
    private const string ReportPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; sandbox; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static void Map(IEndpointRouteBuilder app)
    {
        var analyst = app.MapGroup("/analyst").RequireAuthorization(Policy);
        analyst.MapGet("/", RunList);
        analyst.MapGet("/runs/{quarter}", Run);
        analyst.MapPost("/runs", TriggerAsync);
        analyst.MapGet("/runs/{quarter}/report", Report);
        analyst.MapGet("/models", Models);
        analyst.MapGet("/models/{variant}/{version}", Model);
        analyst.MapGet("/models/{variant}/{version}/evaluation/{quarter}/{file}", EvaluationFile);
    }

    private static IResult RunList(HttpContext context, RunSummaries runs)
    {
        var rows = new StringBuilder();
        foreach (var q in runs.Quarters())
        {
            var manifest = runs.Manifest(q)!;
            var states = string.Join(", ", PipelineStages.Order.Select(s => $"{s} {manifest.Find(s)?.State.ToString().ToLowerInvariant() ?? "-"}"));
            rows.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"/analyst/runs/{q}\">{q}</a></td><td>{Html.E(states)}</td></tr>");
        }

        return Html.Page(context, "Quarterly runs", $"""
            <p><a href="/analyst/models">Models</a> · <a href="/hangfire">Hangfire dashboard</a> · <a id="reports" href="/analyst/reports">Reports from the public (신고 접수)</a></p>
            <table id="runs"><thead><tr><th>quarter</th><th>stages</th></tr></thead><tbody>{rows}</tbody></table>
            {TriggerForm(context, null)}
            """, lang: "en");
    }

    private static IResult Run(HttpContext context, string quarter, RunSummaries runs)
    {
        if (!TryQuarter(quarter, out var q) || runs.Manifest(q) is not { } manifest)
        {
            return Html.NotFound(context);
        }

        var rows = new StringBuilder();
        foreach (var stage in PipelineStages.Order)
        {
            var r = manifest.Find(stage);
            var counts = r is null ? "" : string.Join(", ", r.Counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value:N0}")));
            rows.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{stage}</td><td>{r?.State.ToString().ToLowerInvariant() ?? "not run"}</td><td>{r?.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}</td><td>{r?.Duration?.TotalSeconds:F1}</td><td>{Html.E(counts)}</td><td>{Html.E(r?.Error)}</td></tr>");
        }

        var report = runs.Report(q) is null ? "<p>No run report yet.</p>" : $"<p><a id=\"report\" href=\"/analyst/runs/{q}/report\">Run report</a></p>";
        return Html.Page(context, $"Run of {q}", $"""
            <table id="stages"><thead><tr><th>stage</th><th>state</th><th>started (UTC)</th><th>seconds</th><th>counts</th><th>error</th></tr></thead><tbody>{rows}</tbody></table>
            {report}
            {TriggerForm(context, q)}
            """, lang: "en");
    }

    private static async Task<IResult> TriggerAsync(HttpContext context, IFormCollection form, QuarterRunTrigger trigger, AuditTrail audit)
    {
        if (!TryQuarter(form["quarter"].ToString().Trim(), out var q))
        {
            return Html.Page(context, "Trigger a run", "<p class=\"error\">Write the quarter as YYYYQn, e.g. 2026Q3.</p><p><a href=\"/analyst\">Back</a></p>", StatusCodes.Status400BadRequest, "en");
        }

        try
        {
            var ticket = trigger.Trigger(q);
            await audit.RecordAsync(context, AuditActions.TriggerRun, ticket.RunId, "ok");
            return Html.Page(context, $"Run of {q} triggered", $"<p class=\"notice\">Run {Html.E(ticket.RunId)} enqueued. <a href=\"/analyst/runs/{q}\">Follow it</a> or open the <a href=\"/hangfire\">dashboard</a>.</p>", lang: "en");
        }
        catch (RunAlreadyActiveException ex)
        {
            await audit.RecordAsync(context, AuditActions.TriggerRun, q.ToString(), "already-active");
            return Html.Page(context, $"Run of {q} not triggered", $"<p class=\"error\">{Html.E(ex.Message)}</p>", StatusCodes.Status409Conflict, "en");
        }
    }

    private static IResult Report(HttpContext context, string quarter, RunSummaries runs)
    {
        if (!TryQuarter(quarter, out var q) || runs.Report(q) is not { } path)
        {
            return Html.NotFound(context);
        }

        context.Response.Headers.ContentSecurityPolicy = ReportPolicy;
        return Results.Content(ReportCharts.Inline(path), "text/html; charset=utf-8", System.Text.Encoding.UTF8);
    }

    private static IResult Models(HttpContext context, ModelFolders models)
    {
        var rows = string.Concat(models.List().Select(m =>
            $"<tr><td>{Html.E(m.Variant)}</td><td><a href=\"/analyst/models/{Html.E(m.Variant)}/{Html.E(m.Version)}\">{Html.E(m.Version)}</a></td><td>{(m.Live ? "live" : "")}</td></tr>"));
        return Html.Page(context, "Models", $"<table id=\"models\"><thead><tr><th>variant</th><th>version</th><th></th></tr></thead><tbody>{rows}</tbody></table>", lang: "en");
    }

    private static IResult Model(HttpContext context, string variant, string version, ModelFolders models)
    {
        if (models.Model(variant, version) is not { } folder)
        {
            return Html.NotFound(context);
        }

        var card = File.ReadAllText(Core.Contracts.ModelLayout.CardPath(folder));
        var evaluations = string.Concat(ModelFolders.Evaluations(folder).Select(e =>
            $"<li>{Html.E(e.Quarter)}: {string.Join(" · ", e.Files.Select(f => $"<a href=\"/analyst/models/{Html.E(variant)}/{Html.E(version)}/evaluation/{Html.E(e.Quarter)}/{Html.E(f)}\">{Html.E(f)}</a>"))}</li>"));
        return Html.Page(context, $"Model {variant} {version}", $"""
            <h2>Evaluation reports</h2><ul>{evaluations}</ul>
            <h2>Model card</h2><pre id="card">{Html.E(card)}</pre>
            """, lang: "en");
    }

    private static IResult EvaluationFile(HttpContext context, string variant, string version, string quarter, string file, ModelFolders models)
    {
        if (models.Model(variant, version) is not { } folder || ModelFolders.EvaluationFile(folder, quarter, file) is not { } path)
        {
            return Html.NotFound(context);
        }

        var type = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".html" => "text/html; charset=utf-8",
            ".png" => "image/png",
            ".svg" => "image/svg+xml",
            ".json" => "application/json",
            _ => "application/octet-stream",
        };
        context.Response.Headers.ContentSecurityPolicy = ReportPolicy;
        return type.StartsWith("text/html", StringComparison.Ordinal)
            ? Results.Content(ReportCharts.Inline(path), type, System.Text.Encoding.UTF8)
            : Results.File(File.OpenRead(path), type);
    }

    private static string TriggerForm(HttpContext context, Quarter? quarter) => $$"""
        <h2>Trigger a run</h2>
        <form method="post" action="/analyst/runs" class="block">{{Html.Token(context)}}
          <label for="quarter">Quarter</label><input id="quarter" name="quarter" value="{{quarter}}" pattern="[0-9]{4}Q[1-4]" required>
          <p><button type="submit">Trigger</button></p>
        </form>
        """;

    private static bool TryQuarter(string text, out Quarter quarter) =>
        Quarter.TryParse(text.Length == 6 ? text : "", CultureInfo.InvariantCulture, out quarter);
}
