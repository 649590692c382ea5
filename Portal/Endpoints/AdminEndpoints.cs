using System.Text;
using BlindSpot.Portal.Accounts;
using BlindSpot.Portal.Audit;
using BlindSpot.Portal.Pages;
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
    }

    private static async Task<IResult> AuditAsync(HttpContext context, IAuditLog log)
    {
        var rows = new StringBuilder();
        foreach (var e in await log.LatestAsync(PageLimit, context.RequestAborted))
        {
            rows.Append($"<tr><td>{e.At.UtcDateTime:yyyy-MM-dd HH:mm:ss}</td><td>{Html.E(e.UserName)}</td><td>{Html.E(e.Role)}</td><td>{Html.E(e.SigunguCode)}</td><td>{Html.E(e.Action)}</td><td>{Html.E(e.Target)}</td><td>{e.Rows}</td><td>{Html.E(e.Client)}</td><td>{Html.E(e.Outcome)}</td></tr>");
        }

        return Html.Page(context, "감사 기록 (Audit log)", $"""
            <p><a id="export" href="/admin/audit.csv">CSV로 내보내기</a> · <a href="/admin/accounts">계정</a> · <a href="/analyst">Runs</a></p>
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
