using System.Text;
using BlindSpot.Portal.Accounts;
using BlindSpot.Portal.Audit;
using BlindSpot.Portal.Pages;
using BlindSpot.Portal.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BlindSpot.Portal.Endpoints;

/// <summary>The admin's pages: the audit log (latest entries, and the whole log as CSV) and the accounts.</summary>
internal static class AdminEndpoints
{
    public const string Policy = "admin";

    /// <summary>The page shows this many entries; the export holds up to <see cref="ExportLimit"/>.</summary>
    private const int PageLimit = 500;
    private const int ExportLimit = 1_000_000;

    public static void Map(IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").RequireAuthorization(Policy);
        admin.MapGet("/audit", AuditAsync);
        admin.MapGet("/audit.csv", ExportAsync);
        admin.MapGet("/accounts", AccountsAsync);
        admin.MapGet("/api-keys", ApiKeysAsync);
        admin.MapPost("/api-keys", IssueKeyAsync);
        admin.MapPost("/api-keys/{name}/revoke", RevokeKeyAsync);
    }

    private static async Task<IResult> ApiKeysAsync(HttpContext context, IApiKeyStore keys) =>
        Html.Page(context, "API 키 (신고 접수)", await KeysBodyAsync(context, keys, ""));

    /// <summary>Issues a key: shown once on this page, stored only as its hash.</summary>
    private static async Task<IResult> IssueKeyAsync(HttpContext context, IFormCollection form, IApiKeyStore keys, AuditTrail audit, TimeProvider time)
    {
        var name = form["name"].ToString().Trim();
        if (!ApiKeys.IsName(name))
        {
            return Html.Page(context, "API 키", await KeysBodyAsync(context, keys, "<p class=\"error\" role=\"alert\">이름은 영문 소문자·숫자·'.'·'-'·'_' 40자 이내로 적어 주세요.</p>"), StatusCodes.Status400BadRequest);
        }

        var (key, hash) = ApiKeys.New();
        if (!await keys.AddApiKeyAsync(name, hash, context.User.Identity!.Name!, time.GetUtcNow(), context.RequestAborted))
        {
            return Html.Page(context, "API 키", await KeysBodyAsync(context, keys, "<p class=\"error\" role=\"alert\">같은 이름의 키가 있습니다.</p>"), StatusCodes.Status409Conflict);
        }

        await audit.RecordAsync(context, AuditActions.ApiKey, name, "issued");
        return Html.Page(context, "API 키 발급", await KeysBodyAsync(context, keys,
            $"<p class=\"notice\">키 {Html.E(name)}: <code id=\"new-key\">{Html.E(key)}</code> — 이 화면에서만 보입니다. 지금 안전한 곳에 옮겨 두세요.</p>"));
    }

    private static async Task<IResult> RevokeKeyAsync(HttpContext context, string name, IApiKeyStore keys, AuditTrail audit, TimeProvider time, IFormCollection form)
    {
        _ = form;   // bound so that the antiforgery token is required
        if (!ApiKeys.IsName(name) || !await keys.RevokeApiKeyAsync(name, time.GetUtcNow(), context.RequestAborted))
        {
            return Html.NotFound(context);
        }

        await audit.RecordAsync(context, AuditActions.ApiKey, name, "revoked");
        return Results.Redirect("/admin/api-keys", permanent: false, preserveMethod: false);
    }

    private static async Task<string> KeysBodyAsync(HttpContext context, IApiKeyStore keys, string top)
    {
        var token = Html.Token(context);
        var rows = string.Concat((await keys.ListApiKeysAsync(context.RequestAborted)).Select(k =>
            $"<tr><td>{Html.E(k.Name)}</td><td>{k.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm}</td><td>{Html.E(k.CreatedBy)}</td><td>{(k.RevokedAt is { } r ? $"폐기 {r.UtcDateTime:yyyy-MM-dd HH:mm}" : $"<form method=\"post\" action=\"/admin/api-keys/{Html.E(k.Name)}/revoke\">{token}<button type=\"submit\">폐기</button></form>")}</td></tr>"));
        return $"""
            {top}
            <p>신고 API(<code>POST /api/reports</code>, <code>Authorization: Bearer 키</code>)를 쓰는 기관에 키를 발급합니다. 키는 해시로만 저장되고, 폐기하면 바로 거절됩니다.</p>
            <form method="post" action="/admin/api-keys" class="block">{token}<label for="name">이름</label><input id="name" name="name" required><p><button type="submit" id="issue">발급</button></p></form>
            <table id="api-keys"><thead><tr><th>이름</th><th>발급 (UTC)</th><th>발급자</th><th>상태</th></tr></thead><tbody>{rows}</tbody></table>
            """;
    }

    private static async Task<IResult> AuditAsync(HttpContext context, IAuditLog log)
    {
        var rows = new StringBuilder();
        foreach (var e in await log.LatestAsync(PageLimit, context.RequestAborted))
        {
            rows.Append($"<tr><td>{e.At.UtcDateTime:yyyy-MM-dd HH:mm:ss}</td><td>{Html.E(e.UserName)}</td><td>{Html.E(e.Role)}</td><td>{Html.E(e.SigunguCode)}</td><td>{Html.E(e.Action)}</td><td>{Html.E(e.Target)}</td><td>{e.Rows}</td><td>{Html.E(e.Client)}</td><td>{Html.E(e.Outcome)}</td></tr>");
        }

        return Html.Page(context, "감사 기록 (Audit log)", $"""
            <p><a id="export" href="/admin/audit.csv">CSV로 내보내기</a> · <a href="/admin/accounts">계정</a> · <a href="/admin/api-keys">API 키</a> · <a href="/analyst">Runs</a></p>
            <table id="audit"><thead><tr><th>UTC</th><th>user</th><th>role</th><th>시군구</th><th>action</th><th>target</th><th>rows</th><th>client</th><th>outcome</th></tr></thead><tbody>{rows}</tbody></table>
            """);
    }

    private static async Task<IResult> ExportAsync(HttpContext context, IAuditLog log, AuditTrail audit)
    {
        var entries = await log.LatestAsync(ExportLimit, context.RequestAborted);
        await audit.RecordAsync(context, AuditActions.AuditExport, "audit.csv", "ok", entries.Count);
        return Results.File(AuditCsv.Write(entries.Reverse()), "text/csv; charset=utf-8", "audit.csv");
    }

    private static async Task<IResult> AccountsAsync(HttpContext context, IAccountStore accounts)
    {
        var rows = string.Concat((await accounts.ListAsync(context.RequestAborted)).Select(a =>
            $"<tr><td>{Html.E(a.UserName)}</td><td>{Html.E(PortalRole.KoreanName(a.Role))}</td><td>{(a.SigunguCode is { } code ? Html.E(Html.SigunguName(context, code)) : "")}</td><td>{(a.Disabled ? "사용 중지" : "사용")}</td></tr>"));
        return Html.Page(context, "계정", $"""
            <p>계정은 <code>blindspot users add|disable|reset</code>으로 관리합니다.</p>
            <table id="accounts"><thead><tr><th>계정</th><th>역할</th><th>시군구</th><th>상태</th></tr></thead><tbody>{rows}</tbody></table>
            """);
    }
}
