using BlindSpot.Portal.Accounts;
using Hangfire.Dashboard;

namespace BlindSpot.Portal.Security;

/// <summary>
/// The Hangfire dashboard's gate: signed-in analysts and admins only. Replaces Hangfire's default local-requests-only
/// filter, which would let anyone on the server itself in and refuse analysts elsewhere.
/// </summary>
internal sealed class AnalystDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && (user.IsInRole(PortalRole.Analyst) || user.IsInRole(PortalRole.Admin));
    }
}
