using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BlindSpot.Pipeline.Health;

/// <summary>The models folder holds a live model (<c>&lt;variant&gt;/live.json</c>) for at least one variant; scoring needs one.</summary>
internal sealed class ModelsHealthCheck(ReadinessTargets targets) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var live = Directory.Exists(targets.ModelsFolder)
            ? Directory.EnumerateDirectories(targets.ModelsFolder).Count(variant => File.Exists(Path.Combine(variant, "live.json")))
            : 0;
        return Task.FromResult(live > 0
            ? HealthCheckResult.Healthy($"{live} live model(s)")
            : HealthCheckResult.Unhealthy("no live model in the models folder"));
    }
}
