using System.Security.Claims;
using BlindSpot.Portal.Accounts;
using Microsoft.AspNetCore.Http;

namespace BlindSpot.Portal.Pages;

/// <summary>
/// Korean pages for the errors the framework would otherwise answer with an empty body or English text (400, 403, 404,
/// 405, 413, 429, 500). The page keeps the officer's context: the header names them and their 시군구, and the links lead
/// back to their own start page and, from a quarter's page, to that quarter's list.
/// </summary>
internal static class ErrorPages
{
    public static (string Title, string Message) Text(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ("잘못된 요청", "요청을 이해하지 못했습니다. 화면을 새로 고친 뒤 다시 시도해 주세요."),
        StatusCodes.Status401Unauthorized => ("권한 없음", "이 요청을 할 수 있는 권한이 없습니다."),
        StatusCodes.Status403Forbidden => ("권한 없음", "이 화면을 볼 수 있는 권한이 없습니다."),
        StatusCodes.Status404NotFound => ("찾을 수 없음", "요청한 자료가 없거나 볼 수 있는 권한이 없습니다."),
        StatusCodes.Status405MethodNotAllowed => ("잘못된 요청", "이 주소는 그런 방식으로 요청할 수 없습니다."),
        StatusCodes.Status413PayloadTooLarge => ("요청을 받을 수 없습니다", "파일이나 요청이 허용된 크기보다 큽니다."),
        StatusCodes.Status429TooManyRequests => ("요청이 너무 많습니다", "짧은 시간에 요청이 너무 많았습니다. 잠시 뒤에 다시 시도해 주세요."),
        _ => ("처리하지 못했습니다", "요청을 처리하지 못했습니다. 잠시 뒤에 다시 시도하고, 계속되면 관리자에게 알려 주세요."),
    };

    /// <summary>The Korean page for <paramref name="status"/>.</summary>
    public static IResult Page(HttpContext context, int status)
    {
        var (title, message) = Text(status);
        return Html.Page(context, title, $"<p class=\"error\" role=\"alert\">{Html.E(message)}</p>{Links(context)}", status);
    }

    /// <summary>Back to the user's start page, and from a worklist or case page of a quarter back to that quarter's list.</summary>
    public static string Links(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return "<p><a href=\"/login\">로그인 화면으로</a></p>";
        }

        var segments = (context.Request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        var sigungu = context.User.FindFirstValue(PortalClaims.Sigungu);
        var back = segments switch
        {
            ["cases", var q, ..] when IsQuarter(q) => $"<a href=\"/cases/{q}\">{q} 사례 목록으로</a> · ",
            ["officer", var s, var q, ..] when s == sigungu && IsQuarter(q) && context.User.IsInRole(PortalRole.Officer) => $"<a href=\"/officer/{s}/{q}\">{q} 워크리스트로</a> · ",
            _ => "",
        };
        return $"<p id=\"error-links\">{back}<a href=\"/\">처음 화면으로</a></p>";
    }

    private static bool IsQuarter(string text) => text.Length == 6 && BlindSpot.Core.Quarters.Quarter.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _);
}
