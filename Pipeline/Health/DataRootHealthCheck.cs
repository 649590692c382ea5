using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BlindSpot.Pipeline.Health;

/// <summary>The data root exists and takes a new file (created and deleted again): a read-only or full disk is unready.</summary>
internal sealed class DataRootHealthCheck(ReadinessTargets targets) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(targets.DataRoot))
        {
            return HealthCheckResult.Unhealthy("the data root does not exist");
        }

        var probe = Path.Combine(targets.DataRoot, $".readyz-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            await File.WriteAllBytesAsync(probe, [1], cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"the data root is not writable ({ex.GetType().Name})");
        }
        finally
        {
            File.Delete(probe);
        }
    }
}
