using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using BlindSpot.Core.Regions;
using BlindSpot.Portal.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace BlindSpot.Portal.Pages;

/// <summary>
/// Server-rendered pages: one layout, every dynamic value HTML-encoded here (Hangul kept readable), no inline script or
/// style (the Content-Security-Policy forbids both), every form carrying the antiforgery token.
/// </summary>
internal static class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The HTML-encoded text.</summary>
    public static string E(string? text) => Encoder.Encode(text ?? "");

    /// <summary>A hidden antiforgery field for a form of this request.</summary>
    public static string Token(HttpContext context)
    {
        var antiforgery = context.RequestServices.GetService(typeof(IAntiforgery)) as IAntiforgery
            ?? throw new InvalidOperationException("Antiforgery is not registered.");
        var tokens = antiforgery.GetAndStoreTokens(context);
        return $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";
    }

    /// <summary>A full page: header with the signed-in user and a sign-out form, then <paramref name="body"/> (already encoded).</summary>
    public static IResult Page(HttpContext context, string title, string body, int status = StatusCodes.Status200OK, string lang = "ko")
    {
        var user = context.User;
        var header = user.Identity?.IsAuthenticated == true
            ? $"""
              <nav><a href="/">BlindSpot 포털</a> <span class="who">{E(user.Identity.Name)} ({E(PortalRole.KoreanName(user.FindFirstValue(ClaimTypes.Role)))}{(user.FindFirstValue(PortalClaims.Sigungu) is { } s ? " · " + E(SigunguName(context, s)) : "")})</span>
              <form method="post" action="/logout" class="inline">{Token(context)}<button type="submit">로그아웃</button></form></nav>
              """
            : "<nav><a href=\"/\">BlindSpot 포털</a></nav>";
        var html = $"""
            <!DOCTYPE html>
            <html lang="{lang}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{E(title)} · BlindSpot</title><link rel="stylesheet" href="/portal.css"></head>
            <body>
            {header}
            <main>
            <h1>{E(title)}</h1>
            {body}
            </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }

    /// <summary>"11110 종로구": the code with its name from <c>catalog/regions.json</c> (the code alone for one it does not know).</summary>
    public static string SigunguName(HttpContext context, string code) =>
        context.RequestServices.GetService(typeof(RegionRegistry)) is RegionRegistry regions && regions.TryGetSigungu(code, out var sigungu)
            ? $"{code} {regions.GetSido(sigungu.Sido).NameKo} {sigungu.NameKo}"
            : code;

    /// <summary>A plain 404 page: the same for "not there" and "not yours", so a probe learns nothing.</summary>
    public static IResult NotFound(HttpContext context) => ErrorPages.Page(context, StatusCodes.Status404NotFound);
}
