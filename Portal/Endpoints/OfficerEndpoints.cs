using System.Globalization;
using System.Security.Claims;
using System.Text;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch;
using BlindSpot.Portal.Audit;
using BlindSpot.Portal.Pages;
using BlindSpot.Portal.Uploads;
using BlindSpot.Portal.Worklists;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace BlindSpot.Portal.Endpoints;

/// <summary>
/// The municipal officer's pages (Korean). Every handler checks the 시군구 code or id of the request against the officer's
/// own claim on the server: another 시군구's data answers 404, exactly like data that does not exist, and is audited.
/// </summary>
internal static class OfficerEndpoints
{
    public const string Policy = "officer";

    public static void Map(IEndpointRouteBuilder app, PortalOptions options)
    {
        var officer = app.MapGroup("/officer").RequireAuthorization(Policy);
        officer.MapGet("/", QuartersAsync);
        officer.MapGet("/{sigungu}/{quarter}", WorklistAsync);
        officer.MapGet("/{sigungu}/{quarter}/worklist.{format}", DownloadAsync);
        officer.MapPost("/{sigungu}/{quarter}/outcomes", UploadAsync)
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxUploadBytes + 64 * 1024))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = options.MaxUploadBytes + 64 * 1024 });
        officer.MapGet("/uploads/{id}", UploadResultAsync);
        officer.MapGet("/uploads/{id}/to-fix.csv", RowsToFixAsync);
    }

    private static string Own(HttpContext context) => context.User.FindFirstValue(PortalClaims.Sigungu)!;

    private static async Task<IResult> QuartersAsync(HttpContext context, IWorklistSource worklists, TimeProvider clock)
    {
        var sigungu = Own(context);
        var today = Deadline.Today(clock);
        var rows = new StringBuilder();
        foreach (var quarter in await worklists.QuartersOfAsync(sigungu, context.RequestAborted))
        {
            if (await worklists.ReadAsync(quarter, sigungu, context.RequestAborted) is not { } list)
            {
                continue;
            }

            var variants = string.Join(", ", list.Variants.Select(v => $"{Html.E(v.Variant)} {v.Count:N0}"));
            var deadline = Deadline.Of(list.Rows.Min(r => r.OutcomeDue), today);
            var late = deadline.Overdue && list.ReportedCount < list.Rows.Count ? " class=\"overdue\"" : "";
            rows.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"/officer/{sigungu}/{quarter}\">{quarter}</a></td><td>{list.Rows.Count:N0}</td><td>{variants}</td><td>{list.ReportedCount:N0} / {list.Rows.Count:N0}</td><td{late}>{deadline.Due:yyyy-MM-dd} ({deadline.Label})</td></tr>");
        }

        var body = rows.Length == 0
            ? "<p>아직 배정된 워크리스트가 없습니다.</p>"
            : $"<div class=\"scroll\"><table id=\"quarters\"><thead><tr><th>분기</th><th>대상자</th><th>유형별</th><th>결과 회신</th><th>회신 기한</th></tr></thead><tbody>{rows}</tbody></table></div>";
        body += "<p class=\"noprint\"><a href=\"/cases\">사례 목록</a> · <a id=\"discovery-link\" href=\"/discovery\">자체 발굴</a></p>";
        return Html.Page(context, $"{Html.SigunguName(context, sigungu)} 분기별 워크리스트", body);
    }

    private static async Task<IResult> WorklistAsync(HttpContext context, string sigungu, string quarter, IWorklistSource worklists, IUploadStore uploads, DataRoot root, TimeProvider clock, AuditTrail audit)
    {
        if (await AuthoriseAsync(context, sigungu, quarter, audit) is not { } q)
        {
            return Html.NotFound(context);
        }

        // Read for the authorised 시군구 only: every search and filter below narrows this list, never widens it.
        if (await worklists.ReadAsync(q, sigungu, context.RequestAborted) is not { } list)
        {
            return Html.NotFound(context);
        }

        var today = Deadline.Today(clock);
        var query = WorklistQuery.From(context.Request.Query);
        var page = query.Apply(list, today);
        var past = await uploads.ListAsync(q.ToString(), sigungu, 20, context.RequestAborted);
        var body = WorklistView.Body($"/officer/{sigungu}/{q}", list, query, page, DispatchCalendar.Of(root, q).DispatchDate, Deadline.Of(list.Rows.Min(r => r.OutcomeDue), today), past, Html.Token(context));
        return Html.Page(context, $"{q} {Html.SigunguName(context, sigungu)} 워크리스트", body);
    }

    private static async Task<IResult> DownloadAsync(HttpContext context, string sigungu, string quarter, string format, IWorklistSource worklists, AuditTrail audit)
    {
        if (await AuthoriseAsync(context, sigungu, quarter, audit) is not { } q)
        {
            return Html.NotFound(context);
        }

        WorklistFormat? kind = format switch { "xlsx" => WorklistFormat.Xlsx, "csv" => WorklistFormat.Csv, _ => null };
        var list = kind is null ? null : await worklists.ReadAsync(q, sigungu, context.RequestAborted);
        var content = list is null ? null : await worklists.OpenAsync(q, sigungu, kind!.Value, context.RequestAborted);
        if (kind is not { } k || list is null || content is null)
        {
            await audit.RecordAsync(context, AuditActions.Denied, AuditTarget.Of(context), "not-found");
            return Html.NotFound(context);
        }

        await audit.RecordAsync(context, AuditActions.Download, $"{q}/{sigungu}.{format}", "ok", list.Rows.Count);
        var contentType = k == WorklistFormat.Xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
        return Results.File(content, contentType, $"worklist-{q}-{sigungu}.{format}");
    }

    private static async Task<IResult> UploadAsync(HttpContext context, string sigungu, string quarter, IFormFile? file, OutcomeUploads uploads, IWorklistSource worklists, AuditTrail audit)
    {
        if (await AuthoriseAsync(context, sigungu, quarter, audit) is not { } q)
        {
            return Html.NotFound(context);
        }

        // Outcomes only for a quarter the officer's page offers: one with a worklist for their 시군구.
        if (await worklists.ReadAsync(q, sigungu, context.RequestAborted) is null)
        {
            await audit.RecordAsync(context, AuditActions.Denied, $"{q}/{sigungu}/outcomes", "no-worklist");
            return Html.NotFound(context);
        }

        if (file is null)
        {
            await audit.RecordAsync(context, AuditActions.Upload, $"{q}/{sigungu}", "no-file");
            return Refused(context, q, sigungu, new UploadRefusal("no-file", "올릴 파일을 골라 주세요."));
        }

        await using var content = file.OpenReadStream();
        var (record, refusal) = await uploads.ImportAsync(context.User.Identity!.Name!, q, sigungu, file.FileName, content, file.Length, context.RequestAborted);
        if (record is null)
        {
            await audit.RecordAsync(context, AuditActions.Upload, $"{q}/{sigungu}", refusal!.Outcome);
            return Refused(context, q, sigungu, refusal);
        }

        await audit.RecordAsync(context, AuditActions.Upload, $"{q}/{sigungu}/{record.Id}", record.AuditOutcome, record.Rows.Count);
        return Results.Redirect($"/officer/uploads/{record.Id}", permanent: false, preserveMethod: false);
    }

    private static async Task<IResult> UploadResultAsync(HttpContext context, string id, IUploadStore store, AuditTrail audit)
    {
        if (await OwnUploadAsync(context, id, store, audit) is not { } record)
        {
            return Html.NotFound(context);
        }

        var rows = string.Concat(record.Rows.Select(r =>
            $"<tr class=\"{(r.Accepted ? "ok" : r.Pending ? "pending" : "rejected")}\"><td>{r.Line}</td><td>{(r.Accepted ? "반영" : r.Pending ? "미작성" : "거부")}</td><td>{Html.E(r.WorklistId)}</td><td>{Html.E(RowMessages.Field(r.Field))}</td><td>{Html.E(RowMessages.Korean(r, record.Quarter, record.SigunguCode))}</td></tr>"));
        var toFix = record.Rejected > 0
            ? $"<p class=\"noprint\"><a id=\"rows-to-fix\" href=\"/officer/uploads/{record.Id}/to-fix.csv\">고칠 행 {record.Rejected:N0}개 내려받기(CSV)</a></p>"
            : "";
        var body = $"""
            <p id="summary">{Html.E(record.FileName)}: {record.Rows.Count:N0}행 = 반영 {record.Accepted:N0} + 거부 {record.Rejected:N0} + 미작성 {record.Pending:N0}</p>
            {toFix}
            <div class="scroll"><table id="rows"><thead><tr><th>행</th><th>결과</th><th>워크리스트ID</th><th>항목</th><th>내용</th></tr></thead><tbody>{rows}</tbody></table></div>
            <p><a href="/officer/{record.SigunguCode}/{record.Quarter}">워크리스트로 돌아가기</a></p>
            """;
        return Html.Page(context, $"{record.Quarter} {Html.SigunguName(context, record.SigunguCode)} 결과 올리기 처리 결과", body);
    }

    private static async Task<IResult> RowsToFixAsync(HttpContext context, string id, IUploadStore store, AuditTrail audit)
    {
        if (await OwnUploadAsync(context, id, store, audit) is not { } record)
        {
            return Html.NotFound(context);
        }

        await audit.RecordAsync(context, AuditActions.Download, $"uploads/{record.Id}/to-fix.csv", "ok", record.Rejected);
        return Results.File(RowsToFixCsv.Write(record), "text/csv; charset=utf-8", $"rows-to-fix-{record.Quarter}-{record.SigunguCode}.csv");
    }

    /// <summary>The upload when it is the officer's own 시군구's; else audits the refusal and returns null (answered 404 either way).</summary>
    private static async Task<UploadRecord?> OwnUploadAsync(HttpContext context, string id, IUploadStore store, AuditTrail audit)
    {
        var record = await store.FindAsync(id, context.RequestAborted);
        if (record is null || record.SigunguCode != Own(context))
        {
            await audit.RecordAsync(context, AuditActions.Denied, AuditTarget.Of(context), record is null ? "unknown-id" : "other-sigungu");
            return null;
        }

        return record;
    }

    private static IResult Refused(HttpContext context, Quarter quarter, string sigungu, UploadRefusal refusal) =>
        Html.Page(context, "결과 파일을 받을 수 없습니다", $"<p class=\"error\" role=\"alert\">{Html.E(refusal.Message)}</p><p><a href=\"/officer/{sigungu}/{quarter}\">돌아가기</a></p>", StatusCodes.Status400BadRequest);

    /// <summary>
    /// The parsed quarter when the code is the officer's own and the quarter is well-formed; else audits the refusal (the
    /// route with only well-formed ids filled in, never the request's text) and returns null.
    /// </summary>
    private static async Task<Quarter?> AuthoriseAsync(HttpContext context, string sigungu, string quarter, AuditTrail audit)
    {
        var target = AuditTarget.Of(context);
        if (sigungu != Own(context))
        {
            await audit.RecordAsync(context, AuditActions.Denied, target, "other-sigungu");
            return null;
        }

        if (quarter.Length != 6 || !Quarter.TryParse(quarter, CultureInfo.InvariantCulture, out var q))
        {
            await audit.RecordAsync(context, AuditActions.Denied, target, "invalid-name");
            return null;
        }

        return q;
    }
}
