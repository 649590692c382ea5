using BlindSpot.Portal.Audit;
using Microsoft.AspNetCore.Antiforgery;
using BlindSpot.Portal.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace BlindSpot.Portal.Security;

/// <summary>
/// Audits the refusals the framework makes before any handler runs: the wrong role (403), a form without a valid
/// antiforgery token, and a body over the request-size limit (413). Runs after authentication, so the entry names the
/// user; the target is the normalised route (<see cref="AuditTarget"/>). The last two get a Korean page instead of an
/// empty body. The dashboard audits its own requests.
/// </summary>
internal sealed class RefusalAuditMiddleware(RequestDelegate next)
{
    /// <summary>Set in <see cref="HttpContext.Items"/> by a handler that refused the request and audited why itself (own discovery's other-area 403).</summary>
    public const string AuditedByHandler = "blindspot:refusal-audited";

    public async Task InvokeAsync(HttpContext context, AuditTrail audit)
    {
        await next(context);
        if (context.Request.Path.StartsWithSegments("/hangfire", StringComparison.Ordinal) || context.Items.ContainsKey(AuditedByHandler))
        {
            return;
        }

        // A body over the route's limit first: the antiforgery check reads the form and fails on it too, but the size is why.
        var outcome = context.Response.StatusCode >= 400 && OverLimit(context) ? "too-large"
            : context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } ? "antiforgery"
            : context.Response.StatusCode switch
            {
                StatusCodes.Status403Forbidden => "wrong-role",
                StatusCodes.Status413PayloadTooLarge => "too-large",
                _ => null,
            };
        if (outcome is null)
        {
            return;
        }

        await audit.RecordAsync(context, AuditActions.Denied, AuditTarget.Of(context), outcome);
        // The framework answers these with an empty body; the officer gets a page that says what to do instead.
        if (!context.Response.HasStarted && outcome is "too-large" or "antiforgery")
        {
            var limit = context.RequestServices.GetRequiredService<PortalOptions>().MaxUploadBytes / 1024;
            await Html.Page(context, "요청을 받을 수 없습니다", outcome == "too-large"
                ? $"<p class=\"error\" role=\"alert\">파일이 너무 큽니다. {limit:N0}KB 이하의 파일만 올릴 수 있습니다.</p>"
                : "<p class=\"error\" role=\"alert\">화면이 오래되어 요청을 받을 수 없습니다. 화면을 새로 고친 뒤 다시 시도해 주세요.</p>",
                context.Response.StatusCode).ExecuteAsync(context);
        }
    }

    private static bool OverLimit(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize is { } limit && context.Request.ContentLength > limit;
}
