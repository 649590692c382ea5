using System.Security.Claims;
using BlindSpot.Portal.Accounts;
using BlindSpot.Portal.Audit;
using BlindSpot.Portal.Pages;
using BlindSpot.Portal.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BlindSpot.Portal.Endpoints;

/// <summary>Sign-in (rate-limited, audited, lock-out after repeated failures), sign-out, the start page and the stylesheet.</summary>
internal static class AccountEndpoints
{
    public const string LoginRateLimit = "login";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (HttpContext context) => LoginPage(context, null, StatusCodes.Status200OK, context.Request.Query[ReturnUrls.Parameter].ToString())).AllowAnonymous();
        app.MapPost("/login", SignInAsync).AllowAnonymous().RequireRateLimiting(LoginRateLimit);
        app.MapPost("/logout", SignOutAsync);
        app.MapGet("/", (HttpContext context) => context.User.FindFirstValue(ClaimTypes.Role) switch
        {
            PortalRole.Officer => Results.Redirect("/officer"),
            PortalRole.Eupmyeondong => Results.Redirect("/cases"),
            PortalRole.Admin => Results.Redirect("/admin/audit"),
            _ => Results.Redirect("/analyst"),
        });
        app.MapGet("/portal.css", () => Results.Stream(
            typeof(AccountEndpoints).Assembly.GetManifestResourceStream("BlindSpot.Portal.portal.css")!, "text/css; charset=utf-8")).AllowAnonymous();
    }

    /// <summary>The Korean page of a refused attempt over a rate limit (per address or per account): 429 with Retry-After.</summary>
    public static IResult TooManyAttempts(HttpContext context, TimeSpan window)
    {
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(window.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Html.Page(context, "로그인 시도가 너무 많습니다", $"""
            <p class="error" role="alert">짧은 시간에 로그인 시도가 너무 많아 잠시 막았습니다. {Math.Ceiling(window.TotalMinutes):0}분 뒤에 다시 시도해 주세요.</p>
            <p><a href="/login">로그인 화면으로</a></p>
            """, StatusCodes.Status429TooManyRequests);
    }

    private static async Task<IResult> SignInAsync(HttpContext context, IFormCollection form, SignInService signIn, AuditTrail audit, PortalOptions options, TimeProvider time)
    {
        var userName = form["username"].ToString().Trim();
        var password = form["password"].ToString();
        var (verdict, account) = await signIn.VerifyAsync(userName, password, AuditTrail.ClientOf(context), context.RequestAborted);
        var outcome = verdict switch
        {
            SignInVerdict.Ok => "ok",
            SignInVerdict.UnknownUser => "unknown-user",
            SignInVerdict.WrongPassword => "wrong-password",
            SignInVerdict.Locked => "locked",
            SignInVerdict.RateLimited => "rate-limited",
            _ => "disabled",
        };
        // A name that matches no account is recorded only as a keyed hash: people sometimes type their password there.
        await audit.RecordAsync(context, account?.UserName ?? audit.UnknownName(userName), account?.Role ?? "-", account?.SigunguCode, AuditActions.SignIn, "/login", outcome);
        if (verdict == SignInVerdict.RateLimited)
        {
            return TooManyAttempts(context, options.LoginWindow);
        }

        if (verdict != SignInVerdict.Ok || account is null)
        {
            // One message for every refusal, so a probe cannot tell which names exist or which are locked.
            return LoginPage(context, "아이디 또는 비밀번호가 맞지 않거나, 실패가 반복되어 계정이 잠시 잠겼습니다.", StatusCodes.Status401Unauthorized, form[ReturnUrls.Parameter].ToString());
        }

        List<Claim> claims = [new(ClaimTypes.Name, account.UserName), new(ClaimTypes.Role, account.Role)];
        if (account.SigunguCode is { } code)
        {
            claims.Add(new Claim(PortalClaims.Sigungu, code));
        }

        if (account.EupmyeondongCode is { } eupmyeondong)
        {
            claims.Add(new Claim(PortalClaims.Eupmyeondong, eupmyeondong));
        }

        claims.AddRange(SessionValidator.SessionClaims(account, time.GetUtcNow()));

        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
        var back = form[ReturnUrls.Parameter].ToString();
        return Results.Redirect(ReturnUrls.IsLocal(back) ? back : "/");
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IFormCollection form, AccountAdministration accounts, AuditTrail audit)
    {
        // A new security stamp ends this session and every copy of its cookie, not just the cookie in this browser.
        if (context.User.Identity?.Name is { } name)
        {
            await accounts.EndSessionsAsync(name, context.RequestAborted);
        }

        await audit.RecordAsync(context, AuditActions.SignOut, "/logout", "ok");
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.Redirect("/login");
    }

    private static IResult LoginPage(HttpContext context, string? error, int status, string? returnUrl = null) => Html.Page(context, "로그인", $"""
        {(error is null ? "" : $"<p class=\"error\" role=\"alert\">{Html.E(error)}</p>")}
        {(ReturnUrls.IsLocal(returnUrl) ? "<p class=\"notice\">로그인이 끝나 다시 로그인해야 합니다. 로그인하면 보던 화면으로 돌아갑니다.</p>" : "")}
        <form method="post" action="/login" class="block">
          {Html.Token(context)}
          {(ReturnUrls.IsLocal(returnUrl) ? $"<input type=\"hidden\" name=\"{ReturnUrls.Parameter}\" value=\"{Html.E(returnUrl)}\">" : "")}
          <label for="username">아이디</label><input id="username" name="username" autocomplete="username" required>
          <label for="password">비밀번호</label><input id="password" name="password" type="password" autocomplete="current-password" required>
          <p><button type="submit">로그인</button></p>
        </form>
        """, status);
}
