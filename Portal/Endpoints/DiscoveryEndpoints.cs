using System.Globalization;
using System.Security.Claims;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Regions;
using BlindSpot.Portal.Audit;
using BlindSpot.Portal.Cases;
using BlindSpot.Portal.Discovery;
using BlindSpot.Portal.Pages;
using BlindSpot.Portal.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BlindSpot.Portal.Endpoints;

/// <summary>
/// Own discovery (자체 발굴) for 시군구 and 읍면동 officers: search the residents of one's own area with crisis information
/// this quarter who were not dispatched, see the counts and the first matches, add chosen ones as cases with a reason.
/// The area is checked on the server: another 시군구 in the route, or a 읍면동 outside one's own area in the query, is
/// refused (403, a Korean page) and audited; every search and every addition is audited with codes only.
/// </summary>
internal static class DiscoveryEndpoints
{
    /// <summary>People added in one go at most (the page shows <see cref="DiscoveryQuery.Shown"/>).</summary>
    public const int MaxAddedAtOnce = DiscoveryQuery.Shown;

    public static void Map(IEndpointRouteBuilder app)
    {
        var discovery = app.MapGroup("/discovery").RequireAuthorization(CaseEndpoints.Policy);
        discovery.MapGet("/", QuartersAsync);
        discovery.MapGet("/{sigungu}/{quarter}", SearchAsync);
        discovery.MapPost("/{sigungu}/{quarter}/add", AddAsync);
    }

    private static string Own(HttpContext context) => context.User.FindFirstValue(PortalClaims.Sigungu)!;

    private static IResult QuartersAsync(HttpContext context, DiscoveryIndexCache cache)
    {
        var sigungu = Own(context);
        var quarters = cache.QuartersOf(sigungu);
        var body = quarters.Count == 0
            ? "<p>아직 자체 발굴 자료가 만들어진 분기가 없습니다.</p>"
            : $"<ul id=\"quarters\">{string.Concat(quarters.Select(q => $"<li><a href=\"/discovery/{sigungu}/{q}\">{q}</a></li>"))}</ul>";
        return Html.Page(context, $"{Html.SigunguName(context, sigungu)} 자체 발굴", body);
    }

    private static async Task<IResult> SearchAsync(HttpContext context, string sigungu, string quarter, DiscoveryIndexCache cache, RegionRegistry regions, FeedCatalog catalog, AuditTrail audit)
    {
        if (await ScopeAsync(context, sigungu, quarter, context.Request.Query["emd"].ToString(), regions, audit) is not { } scope)
        {
            return context.Response.StatusCode == StatusCodes.Status403Forbidden ? ErrorPages.Page(context, 403) : Html.NotFound(context);
        }

        var title = $"{scope.Quarter} {Html.SigunguName(context, sigungu)}{(scope.OwnEupmyeondong is { } e ? " " + Eupmyeondongs.Label(e) : "")} 자체 발굴";
        if (await cache.GetAsync(scope.Quarter, sigungu, context.RequestAborted) is not { } loaded)
        {
            await audit.RecordAsync(context, AuditActions.DiscoverySearch, AuditTarget.Of(context), "no-index");
            return Html.Page(context, title, "<p class=\"notice\">이 분기의 자체 발굴 자료가 아직 만들어지지 않았습니다. 분기 처리(discovery-index)가 끝난 뒤 다시 찾아 주세요.</p>");
        }

        var query = DiscoveryQuery.From(context.Request.Query, scope.Offered, loaded.Index.FeedCodes);
        var result = DiscoverySearch.Run(loaded, query, scope.OwnEupmyeondong);
        await audit.RecordAsync(context, AuditActions.DiscoverySearch, AuditTarget.Of(context), query.AuditText(), result.Matching);
        return Html.Page(context, title, DiscoveryView.Search(catalog, sigungu, scope.Quarter, scope.OwnEupmyeondong is null ? scope.Offered : [], query, loaded, result, Html.Token(context)));
    }

    private static async Task<IResult> AddAsync(HttpContext context, string sigungu, string quarter, IFormCollection form, DiscoveryIndexCache cache, OwnDiscoveryBook book, RegionRegistry regions, AuditTrail audit)
    {
        if (await ScopeAsync(context, sigungu, quarter, "", regions, audit) is not { } scope)
        {
            return context.Response.StatusCode == StatusCodes.Status403Forbidden ? ErrorPages.Page(context, 403) : Html.NotFound(context);
        }

        var back = $"/discovery/{sigungu}/{scope.Quarter}";
        var loaded = await cache.GetAsync(scope.Quarter, sigungu, context.RequestAborted);
        var reason = OwnDiscoveryBook.CleanReason(form["reason"]);
        var positions = form["p"].Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1).Distinct().ToList();
        var refusal = loaded is null || form["v"].ToString() != loaded.Version ? ("stale", "검색한 뒤 자료가 새로 만들어졌습니다. 다시 검색해서 골라 주세요.")
            : positions.Count == 0 ? ("none-chosen", "사례로 추가할 사람을 골라 주세요.")
            : positions.Count > MaxAddedAtOnce ? ("too-many", $"한 번에 {MaxAddedAtOnce}명까지 추가할 수 있습니다.")
            : reason.Length == 0 ? ("no-reason", "자체 발굴 사유를 적어 주세요.")
            : positions.Any(p => p < 0 || p >= loaded.Index.People.Count) ? ("unknown-person", "고른 사람을 찾을 수 없습니다. 다시 검색해 주세요.")
            : ((string, string)?)null;
        if (refusal is { } r)
        {
            await audit.RecordAsync(context, AuditActions.DiscoveryAdd, AuditTarget.Of(context), "refused:" + r.Item1);
            return Html.Page(context, "사례로 추가하지 못했습니다", $"<p class=\"error\" role=\"alert\">{Html.E(r.Item2)}</p><p><a href=\"{back}\">자체 발굴로 돌아가기</a></p>", StatusCodes.Status400BadRequest);
        }

        var people = positions.Select(p => loaded!.Index.People[p]).ToList();
        if (scope.OwnEupmyeondong is { } own && people.Any(p => p.Eupmyeondong != own))
        {
            await audit.RecordAsync(context, AuditActions.Denied, AuditTarget.Of(context), "other-area");
            context.Items[RefusalAuditMiddleware.AuditedByHandler] = true;
            return ErrorPages.Page(context, StatusCodes.Status403Forbidden);
        }

        var (added, refused) = await book.AddAsync(scope.Quarter, loaded!, people, reason, scope.OwnEupmyeondong, context.User.Identity!.Name!, context.RequestAborted);
        foreach (var c in added)
        {
            await audit.RecordAsync(context, AuditActions.DiscoveryAdd, AuditTarget.Of(context), "added:" + c.CaseId, 1);
        }

        foreach (var _ in refused)
        {
            await audit.RecordAsync(context, AuditActions.DiscoveryAdd, AuditTarget.Of(context), "refused:already-a-case");
        }

        var already = refused.Select(p => $"{p.Name} ({p.MaskedResidentNumber})").ToList();
        return Html.Page(context, added.Count > 0 ? "자체 발굴 사례를 추가했습니다" : "사례로 추가하지 못했습니다", DiscoveryView.Added(scope.Quarter, added, already, back),
            added.Count > 0 ? StatusCodes.Status200OK : StatusCodes.Status409Conflict);
    }

    /// <summary>
    /// The officer's area for the request: null when the quarter is not one (404, audited invalid-name) or the 시군구 or
    /// the asked-for 읍면동 is outside the officer's area (403, audited other-area; the status code is set on the response).
    /// </summary>
    private static async Task<Scope?> ScopeAsync(HttpContext context, string sigungu, string quarter, string emd, RegionRegistry regions, AuditTrail audit)
    {
        if (!(quarter.Length == 6 && Quarter.TryParse(quarter, CultureInfo.InvariantCulture, out var q)))
        {
            await audit.RecordAsync(context, AuditActions.Denied, AuditTarget.Of(context), "invalid-name");
            return null;
        }

        var ownEmd = CaseEndpoints.OwnEupmyeondong(context);
        var offered = regions.TryGetSigungu(sigungu, out var s) ? Eupmyeondongs.Of(s) : [];
        var outside = sigungu != Own(context)
            || (emd.Length > 0 && (ownEmd is null ? !offered.Contains(emd) : emd != ownEmd));
        if (outside)
        {
            await audit.RecordAsync(context, AuditActions.Denied, AuditTarget.Of(context), "other-area");
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Items[RefusalAuditMiddleware.AuditedByHandler] = true;
            return null;
        }

        return new Scope(q, ownEmd, offered);
    }

    private sealed record Scope(Quarter Quarter, string? OwnEupmyeondong, IReadOnlyList<string> Offered);
}
