using System.Globalization;
using System.Security.Claims;
using BlindSpot.Portal.Accounts;
using BlindSpot.Portal.Audit;
using BlindSpot.Portal.Pages;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;

namespace BlindSpot.Portal.Security;

/// <summary>
/// Checks a session cookie against the account on every request (the cookie alone proves only that we issued it once):
/// the account must still exist and be enabled, its security stamp must equal the one the session was opened with
/// (sign-out, disable and reset change it), and the session must be younger than
/// <see cref="PortalOptions.SessionAbsoluteLifetime"/> however active it was. Otherwise the cookie is deleted, the
/// request is treated as anonymous, and the ending is audited.
/// </summary>
internal static class SessionValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var principal = context.Principal;
        var name = principal?.Identity?.Name;
        var reason = await ReasonToEndAsync(principal, name, services, context.HttpContext.RequestAborted);
        if (reason is null)
        {
            return;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        await services.GetRequiredService<AuditTrail>().RecordAsync(context.HttpContext, name ?? "-", principal?.FindFirstValue(ClaimTypes.Role) ?? "-",
            principal?.FindFirstValue(PortalClaims.Sigungu), AuditActions.SessionEnded, AuditTarget.Of(context.HttpContext), reason);
    }

    /// <summary>The claims a session carries besides name, role and 시군구: the account's stamp and the sign-in instant.</summary>
    public static IEnumerable<Claim> SessionClaims(Account account, DateTimeOffset signedInAt)
    {
        ArgumentNullException.ThrowIfNull(account);
        yield return new Claim(PortalClaims.SecurityStamp, account.SecurityStamp);
        yield return new Claim(PortalClaims.SignedInAt, signedInAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
    }

    private static async Task<string?> ReasonToEndAsync(ClaimsPrincipal? principal, string? name, IServiceProvider services, CancellationToken ct)
    {
        var stamp = principal?.FindFirstValue(PortalClaims.SecurityStamp);
        if (name is null || stamp is null || !long.TryParse(principal!.FindFirstValue(PortalClaims.SignedInAt), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return "invalid";
        }

        var options = services.GetRequiredService<PortalOptions>();
        if (services.GetRequiredService<TimeProvider>().GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) > options.SessionAbsoluteLifetime)
        {
            return "expired";
        }

        var claims = principal!;
        var account = await services.GetRequiredService<IAccountStore>().FindAsync(name, ct);
        return account is null ? "no-account"
            : account.Disabled ? "disabled"
            : account.SecurityStamp != stamp || account.Role != claims.FindFirstValue(ClaimTypes.Role) || account.SigunguCode != claims.FindFirstValue(PortalClaims.Sigungu)
                || account.EupmyeondongCode != claims.FindFirstValue(PortalClaims.Eupmyeondong) ? "revoked"
            : null;
    }
}
