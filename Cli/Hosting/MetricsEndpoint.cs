using System.Net;
using BlindSpot.Cli.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace BlindSpot.Cli.Hosting;

/// <summary>
/// <c>/metrics</c> for a Prometheus scraper on the same machine: answered ahead of the portal's own pipeline (no sign-in)
/// but only to a loopback connection without <c>X-Forwarded-For</c>, i.e. never to anyone coming through the TLS proxy.
/// </summary>
internal sealed class MetricsEndpoint(TelemetrySettings settings) : IStartupFilter
{
    public const string Path = "/metrics";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        if (settings.Prometheus)
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint(LocalScrape);
        }

        next(app);
    };

    public static bool LocalScrape(HttpContext context) =>
        context.Request.Path == Path
        && context.Connection.RemoteIpAddress is { } peer && IPAddress.IsLoopback(peer)
        && !context.Request.Headers.ContainsKey("X-Forwarded-For");
}
