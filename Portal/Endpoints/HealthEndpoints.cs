using BlindSpot.Pipeline.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;

namespace BlindSpot.Portal.Endpoints;

/// <summary>
/// <c>/healthz</c> (live: the process answers; no check runs) and <c>/readyz</c> (ready: PostgreSQL reachable when
/// configured, data root writable, a live model present), for a load balancer or systemd watchdog. Anonymous; the body
/// is one word (Healthy, Degraded, Unhealthy), 503 when not ready, never a path or a connection string.
/// </summary>
public static class HealthEndpoints
{
    public const string Live = "/healthz";
    public const string Ready = "/readyz";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(Live, new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks(Ready, new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthChecksBuilderExtensions.ReadyTag) }).AllowAnonymous();
    }
}
