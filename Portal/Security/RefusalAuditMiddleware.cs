using BlindSpot.Portal.Audit;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace BlindSpot.Portal.Security;

/// <summary>
/// Audits the refusals the framework makes before any handler runs: the wrong role (403), a form without a valid
/// antiforgery token, and a body over the request-size limit (413). Runs after authentication, so the entry names the
/// user; the target is the normalised route (<see cref="AuditTarget"/>). The dashboard audits its own requests.
/// </summary>
internal sealed class RefusalAuditMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, AuditTrail audit)
    {
        await next(context);
        if (context.Request.Path.StartsWithSegments("/hangfire", StringComparison.Ordinal))
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
        if (outcome is not null)
        {
            await audit.RecordAsync(context, AuditActions.Denied, AuditTarget.Of(context), outcome);
        }
    }

    private static bool OverLimit(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize is { } limit && context.Request.ContentLength > limit;
}
