using BlindSpot.Core.Telemetry;
using Microsoft.AspNetCore.Http;

namespace BlindSpot.Portal.Telemetry;

/// <summary>Counts every answered request by method and status code (<c>blindspot.portal.requests</c>); paths are not tags, as they carry 시군구 codes and ids.</summary>
internal sealed class RequestMetricsMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            BlindSpotTelemetry.PortalRequests.Add(1, new("method", context.Request.Method), new("status", context.Response.StatusCode));
        }
    }
}
