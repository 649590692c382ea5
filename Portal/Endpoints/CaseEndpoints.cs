using System.Globalization;
using System.Security.Claims;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Regions;
using BlindSpot.Dispatch;
using BlindSpot.Portal.Accounts;
using BlindSpot.Portal.Audit;
using BlindSpot.Portal.Cases;
using BlindSpot.Portal.Discovery;
using BlindSpot.Portal.Pages;
using BlindSpot.Portal.Worklists;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BlindSpot.Portal.Endpoints;

/// <summary>
/// Casework pages for 시군구 officers (their whole 시군구) and 읍면동 officers (the cases assigned to their 읍면동 and
/// nothing else). Every handler finds the case by its id and then checks 시군구 and 읍면동 against the session's claims on
/// the server: another's case answers 404 exactly like one that does not exist, and is audited.
/// </summary>
internal static class CaseEndpoints
{
    /// <summary>시군구 and 읍면동 officers.</summary>
    public const string Policy = "caseworker";

    public static void Map(IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/cases").RequireAuthorization(Policy);
        cases.MapGet("/", QuartersAsync);
        cases.MapGet("/{quarter}", ListAsync);
        cases.MapGet("/{quarter}/{caseid}", CaseAsync);
        cases.MapGet("/{quarter}/{caseid}/sheet", SheetAsync);
        cases.MapPost("/{quarter}/{caseid}/status", StatusAsync);
        cases.MapPost("/{quarter}/{caseid}/continued", ContinuedAsync);
        // Only the 시군구 officer hands cases to a 읍면동.
        cases.MapPost("/{quarter}/{caseid}/assign", AssignAsync).RequireAuthorization(OfficerEndpoints.Policy);
    }

    /// <summary>
    /// The 읍면동 of a 읍면동 officer; null for a 시군구 officer. A 읍면동 officer's session without the claim (never issued so)
    /// gets a code no case has, so it sees nothing rather than the cases the 시군구 holds ("-").
    /// </summary>
    internal static string? OwnEupmyeondong(HttpContext context) =>
        context.User.IsInRole(PortalRole.Eupmyeondong) ? context.User.FindFirstValue(PortalClaims.Eupmyeondong) ?? "none" : null;

    private static string Own(HttpContext context) => context.User.FindFirstValue(PortalClaims.Sigungu)!;

    private static async Task<IResult> QuartersAsync(HttpContext context, CaseBook book, IWorklistSource worklists)
    {
        var sigungu = Own(context);
        var emd = OwnEupmyeondong(context);
        var quarters = new SortedSet<string>(await book.Store.QuartersAsync(sigungu, emd, context.RequestAborted), StringComparer.Ordinal);
        if (emd is null)
        {
            quarters.UnionWith((await worklists.QuartersOfAsync(sigungu, context.RequestAborted)).Select(q => q.ToString()));
        }

        var items = string.Concat(quarters.Reverse().Select(q => $"<li><a href=\"/cases/{q}\">{q}</a></li>"));
        var body = (items.Length == 0 ? "<p>아직 맡은 사례가 없습니다.</p>" : $"<ul id=\"quarters\">{items}</ul>") + "<p class=\"noprint\"><a id=\"discovery-link\" href=\"/discovery\">자체 발굴</a></p>";
        return Html.Page(context, $"{Scope(context, sigungu, emd)} 분기별 사례", body);
    }

    private static async Task<IResult> ListAsync(HttpContext context, string quarter, CaseBook book, RegionRegistry regions, ReportedOutcomes reported, TimeProvider clock, AuditTrail audit)
    {
        if (await QuarterAsync(context, quarter, audit) is not { } q)
        {
            return Html.NotFound(context);
        }

        var sigungu = Own(context);
        var emd = OwnEupmyeondong(context);
        if (emd is null)
        {
            await book.EnsureAsync(q, sigungu, context.RequestAborted);
        }

        var today = Deadline.Today(clock);
        var offered = regions.TryGetSigungu(sigungu, out var s) ? Eupmyeondongs.Of(s) : [];
        var query = CaseListQuery.From(context.Request.Query, q.ToString(), sigungu, emd, offered, today);
        var page = await book.Store.ListAsync(query, context.RequestAborted);
        // The deadline banner of the officer's own scope (a 읍면동 officer never sees the worklist page that has one).
        var overdue = (await book.Store.ListAsync(new CaseQuery { Quarter = q.ToString(), SigunguCode = sigungu, Eupmyeondong = emd ?? "", OverdueOn = today }, context.RequestAborted)).Matching;
        // The quarter's list is due from its dispatch date (배부일); cases added later carry their own due dates.
        var calendar = DispatchCalendar.Of(book.Root, q);
        var banner = CaseView.DeadlineBanner(calendar.DispatchDate, Deadline.Of(calendar.Due, today), overdue);
        return Html.Page(context, $"{q} {Scope(context, sigungu, emd)} 사례 목록", banner + $"<p class=\"noprint\"><a id=\"discovery-link\" href=\"/discovery/{sigungu}/{q}\">자체 발굴</a></p>" + CaseView.List(query, page, emd is null ? offered : [], today, reported.Of(q, sigungu)));
    }

    private static async Task<IResult> CaseAsync(HttpContext context, string quarter, string caseid, CaseBook book, IWorklistSource worklists, DiscoveryIndexCache discovery, RegionRegistry regions, ReportedOutcomes reported, TimeProvider clock, AuditTrail audit)
    {
        if (await FindAsync(context, quarter, caseid, book, audit) is not { } c)
        {
            return Html.NotFound(context);
        }

        var contacts = await ContactsAsync(c, book, worklists, discovery, context.RequestAborted);
        var history = await book.Store.HistoryAsync(c.CaseId, context.RequestAborted);
        var earlier = c.PersonKey is { } key ? (await book.Store.OfPersonAsync(key, context.RequestAborted)).Where(o => o.CaseId != c.CaseId && o.SigunguCode == c.SigunguCode).ToList() : [];
        await audit.RecordAsync(context, AuditActions.CaseView, AuditTarget.Of(context), "page");
        var emds = OwnEupmyeondong(context) is null && regions.TryGetSigungu(c.SigunguCode, out var s) ? Eupmyeondongs.Of(s) : [];
        var body = CaseView.Case(c, contacts, history, earlier, emds, DispatchCalendar.Of(book.Root, Quarter.Parse(c.Quarter, CultureInfo.InvariantCulture)).DispatchDate, Deadline.Of(c.Due, Deadline.Today(clock)), LatestVisitDay(clock), Html.Token(context), book.FeedsLabels(c), reported.Of(Quarter.Parse(c.Quarter, CultureInfo.InvariantCulture), c.SigunguCode).Contains(c.CaseId));
        return Html.Page(context, $"사례 {c.CaseId} {c.Name}", body);
    }

    private static async Task<IResult> SheetAsync(HttpContext context, string quarter, string caseid, CaseBook book, IWorklistSource worklists, DiscoveryIndexCache discovery, AuditTrail audit)
    {
        if (await FindAsync(context, quarter, caseid, book, audit) is not { } c)
        {
            return Html.NotFound(context);
        }

        var contacts = await ContactsAsync(c, book, worklists, discovery, context.RequestAborted);
        await audit.RecordAsync(context, AuditActions.CaseView, AuditTarget.Of(context), "sheet");
        return Html.Page(context, $"방문 기록지 {c.CaseId}", CaseView.Sheet(c, contacts, Html.SigunguName(context, c.SigunguCode)));
    }

    private static async Task<IResult> StatusAsync(HttpContext context, string quarter, string caseid, IFormCollection form, CaseBook book, AuditTrail audit, TimeProvider clock)
    {
        if (await FindAsync(context, quarter, caseid, book, audit) is not { } c)
        {
            return Html.NotFound(context);
        }

        var to = form["status"].ToString();
        var channel = CaseEvent.Channels.Contains(form["channel"].ToString()) ? form["channel"].ToString() : "";
        var note = form["note"].ToString().Trim();
        var checkedOn = DateOnly.TryParseExact(form["date"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : LatestVisitDay(clock);
        if (!CaseStatus.IsKnown(to))
        {
            return await RefusedAsync(context, c, audit, new CaseChangeRefusal("invalid-status", "진행 상태를 골라 주세요."));
        }

        if (await book.ChangeStatusAsync(c, to, channel, note, checkedOn, context.User.Identity!.Name!, context.RequestAborted) is { } refusal)
        {
            return await RefusedAsync(context, c, audit, refusal);
        }

        await audit.RecordAsync(context, AuditActions.CaseChange, AuditTarget.Of(context), to == c.Status ? "note" : $"{c.Status}->{to}");
        return Results.Redirect(CaseUrl(c), permanent: false, preserveMethod: false);
    }

    private static async Task<IResult> ContinuedAsync(HttpContext context, string quarter, string caseid, IFormCollection form, CaseBook book, AuditTrail audit, TimeProvider clock)
    {
        if (await FindAsync(context, quarter, caseid, book, audit) is not { } c)
        {
            return Html.NotFound(context);
        }

        var on = form["on"].ToString() == "1";
        await book.Store.SetContinuedCareAsync(c.CaseId, on, context.User.Identity!.Name!, clock.GetUtcNow(), context.RequestAborted);
        await audit.RecordAsync(context, AuditActions.CaseChange, AuditTarget.Of(context), on ? "continued-on" : "continued-off");
        // Marked after the next quarter's cases were made: carry it now, not never.
        if (on && await book.CarryLateAsync(c with { ContinuedCare = true }, context.User.Identity!.Name!, context.RequestAborted) is { } carried)
        {
            await audit.RecordAsync(context, AuditActions.CaseChange, AuditTarget.Of(context), "carried-to-" + carried.CaseId);
        }
        return Results.Redirect(CaseUrl(c), permanent: false, preserveMethod: false);
    }

    private static async Task<IResult> AssignAsync(HttpContext context, string quarter, string caseid, IFormCollection form, CaseBook book, RegionRegistry regions, AuditTrail audit, TimeProvider clock)
    {
        if (await FindAsync(context, quarter, caseid, book, audit) is not { } c)
        {
            return Html.NotFound(context);
        }

        var emd = form["eupmyeondong"].ToString();
        var offered = regions.TryGetSigungu(c.SigunguCode, out var s) ? Eupmyeondongs.Of(s) : [];
        if (emd.Length > 0 && !offered.Contains(emd))
        {
            return await RefusedAsync(context, c, audit, new CaseChangeRefusal("invalid-eupmyeondong", "이 시군구의 읍면동을 골라 주세요."));
        }

        await book.Store.AssignAsync(c.CaseId, emd.Length == 0 ? null : emd, context.User.Identity!.Name!, clock.GetUtcNow(), context.RequestAborted);
        await audit.RecordAsync(context, AuditActions.CaseChange, AuditTarget.Of(context), emd.Length == 0 ? "assigned-to-sigungu" : $"assigned-to-{emd}");
        return Results.Redirect(CaseUrl(c), permanent: false, preserveMethod: false);
    }

    /// <summary>The latest visit date the outcome importer takes: today in Korea, as officials date their visits.</summary>
    private static DateOnly LatestVisitDay(TimeProvider clock) => KoreanTime.Today(clock);

    private static string CaseUrl(CaseRecord c) => $"/cases/{c.Quarter}/{c.CaseId}";

    private static async Task<IResult> RefusedAsync(HttpContext context, CaseRecord c, AuditTrail audit, CaseChangeRefusal refusal)
    {
        await audit.RecordAsync(context, AuditActions.CaseChange, AuditTarget.Of(context), "refused:" + refusal.Outcome);
        return Html.Page(context, "사례를 바꿀 수 없습니다", $"<p class=\"error\" role=\"alert\">{Html.E(refusal.Message)}</p><p><a href=\"{CaseUrl(c)}\">사례로 돌아가기</a></p>", StatusCodes.Status400BadRequest);
    }

    /// <summary>
    /// Address and phone of the case's worklist row, for an own-discovery case of its row in the discovery index, and for a
    /// carried-over or reported case those Dispatch read from the identity vault when it put the case on the municipal
    /// register (a resident of the case's 시군구 only); empty when none.
    /// </summary>
    private static async Task<(string Address, string Phone)> ContactsAsync(CaseRecord c, CaseBook book, IWorklistSource worklists, DiscoveryIndexCache discovery, CancellationToken ct)
    {
        if (!Quarter.TryParse(c.Quarter, CultureInfo.InvariantCulture, out var q))
        {
            return ("", "");
        }

        if (c.Origin == CaseOrigin.OwnDiscovery)
        {
            var person = (await discovery.GetAsync(q, c.SigunguCode, ct))?.Index.People.FirstOrDefault(p => p.PersonKey == c.PersonKey);
            return person is null ? ("", "") : (person.Address, person.Phone);
        }

        if (c.Origin != CaseOrigin.Dispatch)
        {
            return await book.Store.ContactsAsync(c.CaseId, ct) ?? ("", "");
        }

        var row = (await worklists.ReadAsync(q, c.SigunguCode, ct))?.Rows.FirstOrDefault(r => r.WorklistId == c.CaseId);
        return row is null ? ("", "") : (row.Address, row.Phone);
    }

    /// <summary>
    /// The case when the id is well-formed, of the route's quarter, of the officer's 시군구 and, for a 읍면동 officer, assigned
    /// to their 읍면동; else audits why (unknown-id, other-sigungu, other-eupmyeondong) and returns null (404 either way).
    /// </summary>
    private static async Task<CaseRecord?> FindAsync(HttpContext context, string quarter, string caseid, CaseBook book, AuditTrail audit)
    {
        var c = CaseIds.IsWellFormed(caseid) ? await book.Store.FindAsync(caseid, context.RequestAborted) : null;
        var emd = OwnEupmyeondong(context);
        var refusal = c is null || c.Quarter != quarter ? "unknown-id"
            : c.SigunguCode != Own(context) ? "other-sigungu"
            : emd is not null && c.EupmyeondongCode != emd ? "other-eupmyeondong"
            : null;
        if (refusal is not null)
        {
            await audit.RecordAsync(context, AuditActions.Denied, AuditTarget.Of(context), refusal);
            return null;
        }

        return c;
    }

    private static async Task<Quarter?> QuarterAsync(HttpContext context, string quarter, AuditTrail audit)
    {
        if (quarter.Length == 6 && Quarter.TryParse(quarter, CultureInfo.InvariantCulture, out var q))
        {
            return q;
        }

        await audit.RecordAsync(context, AuditActions.Denied, AuditTarget.Of(context), "invalid-name");
        return null;
    }

    private static string Scope(HttpContext context, string sigungu, string? emd) =>
        Html.SigunguName(context, sigungu) + (emd is null ? "" : " " + Eupmyeondongs.Label(emd));
}
