using BlindSpot.Portal.Accounts;
using BlindSpot.Portal.Audit;
using Microsoft.AspNetCore.Http;

namespace BlindSpot.Portal.Security;

/// <summary>
/// In front of the Hangfire dashboard: audits every action posted to it (requeue, delete, trigger …) with how it ended,
/// and every refusal. Admins may act (ok); analysts see it read-only, so their actions answer 401 and are recorded as
/// read-only; a post without the dashboard's antiforgery token (403 for an analyst or admin) as antiforgery.
/// </summary>
internal sealed class DashboardAuditMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, AuditTrail audit)
    {
        await next(context);
        var status = context.Response.StatusCode;
        // The dashboard's pages post to /stats every few seconds to refresh their counters: a read, not an action.
        var post = HttpMethods.IsPost(context.Request.Method) && !context.Request.Path.StartsWithSegments("/stats", StringComparison.Ordinal);
        if (!post && status is not (StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden))
        {
            return;
        }

        var user = context.User;
        var analyst = user.IsInRole(PortalRole.Analyst) || user.IsInRole(PortalRole.Admin);
        var outcome = status switch
        {
            >= 200 and < 300 => "ok",
            StatusCodes.Status401Unauthorized => "read-only",
            StatusCodes.Status403Forbidden => analyst ? "antiforgery" : "wrong-role",
            _ => "status-" + status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        await audit.RecordAsync(context, post ? AuditActions.Dashboard : AuditActions.Denied, AuditTarget.Of(context), outcome);
    }
}
