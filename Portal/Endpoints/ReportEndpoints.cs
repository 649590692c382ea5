using System.Globalization;
using BlindSpot.Core.Files;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Reports;
using BlindSpot.Portal.Audit;
using BlindSpot.Portal.Pages;
using BlindSpot.Portal.Reports;
using BlindSpot.Portal.Uploads;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace BlindSpot.Portal.Endpoints;

/// <summary>
/// Reports from the public (복지위기 알림): the analyst's page (import a file, past intakes, reports not matched) and the
/// API (<c>POST /api/reports</c>, one report as JSON, with an API key an admin issued). Officers see matched reports as
/// cases of origin 신고 in their own 시군구 or 읍면동, through the case pages.
/// </summary>
internal static class ReportEndpoints
{
    private const int Shown = 200;
    private const string QuarterPattern = "[0-9]{4}Q[1-4]";

    public static void Map(IEndpointRouteBuilder app, PortalOptions options)
    {
        var analyst = app.MapGroup("/analyst/reports").RequireAuthorization(AnalystEndpoints.Policy);
        analyst.MapGet("/", PageAsync);
        analyst.MapPost("/", ImportAsync)
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxUploadBytes + 64 * 1024))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = options.MaxUploadBytes + 64 * 1024 });
        // No session cookie here: the caller is a system holding an API key, checked by the handler (ReportApi).
        app.MapPost("/api/reports", ReportApi.SubmitAsync).AllowAnonymous()
            .WithMetadata(new RequestSizeLimitAttribute(64 * 1024));
    }

    private static async Task<IResult> PageAsync(HttpContext context, IReportStore reports) =>
        Html.Page(context, "복지위기 알림 (신고) 접수", await BodyAsync(context, reports, ""));

    private static async Task<IResult> ImportAsync(HttpContext context, IFormFile? file, IFormCollection form, ReportIntake intake, IReportStore reports, PortalOptions options, AuditTrail audit)
    {
        var quarterText = form["quarter"].ToString().Trim();
        async Task<IResult> Refuse(string outcome, string korean)
        {
            await audit.RecordAsync(context, AuditActions.ReportImport, "/analyst/reports", outcome);
            return Html.Page(context, "신고 파일을 받을 수 없습니다", await BodyAsync(context, reports, $"<p class=\"error\" role=\"alert\">{Html.E(korean)}</p>"), StatusCodes.Status400BadRequest);
        }

        if (!Quarter.TryParse(quarterText.Length == 6 ? quarterText : "", CultureInfo.InvariantCulture, out var quarter))
        {
            return await Refuse("invalid-quarter", "분기를 2026Q3처럼 적어 주세요.");
        }

        if (file is null || file.Length == 0 || file.Length > options.MaxUploadBytes)
        {
            return await Refuse("no-file", "올릴 신고 파일(CSV)을 골라 주세요.");
        }

        if (OutcomeUploads.CheckName(file.FileName) is { } badName || !file.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return await Refuse("invalid-name", "신고 파일은 이름에 경로가 없는 CSV 파일이어야 합니다.");
        }

        // Named by the server, owner-only, deleted once read (the intake keeps its own owner-only copy).
        var path = Path.Combine(PrivateFiles.CreateFolder(Path.Combine(options.PortalFolder, "incoming")).FullName, Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            await using (var to = PrivateFiles.Create(path))
            {
                await file.CopyToAsync(to, context.RequestAborted);
            }

            var result = await intake.ImportFileAsync(context.User.Identity!.Name!, quarter, path, file.FileName, context.RequestAborted);
            await audit.RecordAsync(context, AuditActions.ReportImport, $"/analyst/reports/{result.IntakeId}", result.Rejected == 0 ? "ok" : "partial", result.Read);
            return Html.Page(context, "신고 접수 결과", await BodyAsync(context, reports, Summary(result)));
        }
        catch (ReportFileException ex)
        {
            return await Refuse("invalid-content", ex.Korean);
        }
        catch (FileNotFoundException)
        {
            return await Refuse("no-roster", $"{quarter} 분기의 명부(또는 신원 정보)가 없어 신고를 연결할 수 없습니다.");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Summary(ReportIntakeRecord r)
    {
        var rows = string.Concat(r.Rejections.Select(x => Invariant($"<tr><td>{x.Line}</td><td>{Html.E(x.Field)}</td><td>{Html.E(x.Message)}</td></tr>")));
        return Invariant($"""
            <p id="intake-summary" class="notice">{Html.E(r.FileName)} ({Html.E(r.Quarter)}): {r.Read}행 = 연결 {r.Matched} + 미연결 {r.Unmatched} + 거부 {r.Rejected}</p>
            {(r.Rejected == 0 ? "" : $"<h2>고칠 행</h2><div class=\"scroll\"><table id=\"rejected\"><thead><tr><th>행</th><th>항목</th><th>고칠 내용</th></tr></thead><tbody>{rows}</tbody></table></div>")}
            """);
    }

    private static async Task<string> BodyAsync(HttpContext context, IReportStore reports, string top)
    {
        var ct = context.RequestAborted;
        var intakes = string.Concat((await reports.IntakesAsync(20, ct)).Select(i => Invariant(
            $"<tr><td>{i.At.ToOffset(KoreanTime.Offset):yyyy-MM-dd HH:mm}</td><td>{Html.E(i.UserName)}</td><td>{Html.E(i.Channel)}</td><td>{Html.E(i.FileName)}</td><td>{Html.E(i.Quarter)}</td><td>{i.Read}</td><td>{i.Matched}</td><td>{i.Unmatched}</td><td>{i.Rejected}</td></tr>")));
        var unmatched = string.Concat((await reports.ListReportsAsync(null, unmatchedOnly: true, Shown, ct)).Select(r => Invariant(
            $"<tr><td>{r.ReportId}</td><td>{Html.E(r.Quarter)}</td><td>{r.ReportedOn:yyyy-MM-dd}</td><td>{Html.E(r.ReporterKind)}</td><td>{Html.E(r.Name)}</td><td>{Html.E(r.Address)}</td><td>{Html.E(MatchName(r.Match))}</td><td>{Html.E(r.Observed)}</td></tr>")));
        return $"""
            {top}
            <p>신고 파일(CSV, UTF-8 또는 CP949)의 열: 주민등록번호 (또는 성명과 주소), 관찰내용, 신고자구분 ({string.Join(", ", ReporterKinds.All)}), 신고일자. 명부의 한 사람과 연결된 신고는 그 사람의 시군구·읍면동에 '신고' 사례로 갑니다. <a href="/analyst">Runs</a></p>
            <form method="post" action="/analyst/reports" enctype="multipart/form-data" class="block">{Html.Token(context)}
              <label for="quarter">분기</label><input id="quarter" name="quarter" pattern="{QuarterPattern}" required>
              <label for="file">신고 파일</label><input id="file" type="file" name="file" accept=".csv" required>
              <p><button type="submit" id="import">가져오기</button></p>
            </form>
            <h2>최근 접수</h2><div class="scroll"><table id="intakes"><thead><tr><th>일시</th><th>접수자</th><th>경로</th><th>파일</th><th>분기</th><th>읽은 행</th><th>연결</th><th>미연결</th><th>거부</th></tr></thead><tbody>{intakes}</tbody></table></div>
            <h2>연결되지 않은 신고 (최근 {Shown}건)</h2><div class="scroll"><table id="unmatched"><thead><tr><th>번호</th><th>분기</th><th>신고일</th><th>신고자</th><th>성명</th><th>주소</th><th>사유</th><th>관찰내용</th></tr></thead><tbody>{unmatched}</tbody></table></div>
            """;
    }

    private static string MatchName(string match) => match switch
    {
        "no-match" => "해당자 없음",
        "ambiguous" => "동명이인 여럿",
        "not-on-roster" => "이번 분기 명부에 없음",
        _ => match,
    };

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
