using Microsoft.Extensions.DependencyInjection;

namespace BlindSpot.Pipeline.Health;

/// <summary>Registration of the readiness checks the portal and the worker share.</summary>
public static class HealthChecksBuilderExtensions
{
    /// <summary>The tag of the checks <c>/readyz</c> runs; <c>/healthz</c> runs none (the process answering is the liveness).</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Adds the readiness checks (PostgreSQL reachable when configured, data root writable, a live model present) over
    /// <paramref name="targets"/>; a <see cref="ReadinessTargets"/> registered after this (a test's) replaces them.
    /// </summary>
    public static IHealthChecksBuilder AddBlindSpotReadiness(this IHealthChecksBuilder builder, ReadinessTargets targets)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(targets);
        builder.Services.AddSingleton(targets);
        return builder
            .AddCheck<PostgresHealthCheck>("postgres", tags: [ReadyTag])
            .AddCheck<DataRootHealthCheck>("data-root", tags: [ReadyTag])
            .AddCheck<ModelsHealthCheck>("models", tags: [ReadyTag]);
    }
}
