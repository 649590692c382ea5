using Microsoft.AspNetCore.Http;

namespace BlindSpot.Portal.Security;

/// <summary>
/// Security headers on every response: a strict Content-Security-Policy (only our own stylesheet and scripts, no inline
/// script or style, no framing, forms only to us), no MIME sniffing, no referrer, no caching of pages that hold worklist data.
/// A handler may replace the CSP with a stricter or report-specific one before the response starts.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        // The same values antiforgery sets on pages with a form, so it need not override (and warn about) ours.
        headers.CacheControl = "no-cache, no-store";
        headers.Pragma = "no-cache";
        return next(context);
    }
}
