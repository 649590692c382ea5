using BlindSpot.Cli.Configuration;
using BlindSpot.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace BlindSpot.Cli.Hosting;

/// <summary>Registration of OpenTelemetry for BlindSpot's source and meter, with the exporters the configuration names.</summary>
internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Collects <see cref="BlindSpotTelemetry"/>'s spans and metrics (and the portal's ASP.NET Core request metrics) as
    /// service <paramref name="serviceName"/>, exported by <c>Telemetry:Exporter</c> (otlp, console) and, with
    /// <c>Telemetry:Prometheus</c>, for a /metrics scrape. Nothing is registered when both are off (the default).
    /// </summary>
    public static IServiceCollection AddBlindSpotTelemetry(this IServiceCollection services, TelemetrySettings settings, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.Enabled)
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(BlindSpotTelemetry.Name);
                switch (settings.Exporter)
                {
                    case "otlp":
                        tracing.AddOtlpExporter(otlp => Endpoint(otlp, settings));
                        break;
                    case "console":
                        tracing.AddConsoleExporter();
                        break;
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(BlindSpotTelemetry.Name, "Microsoft.AspNetCore.Hosting");
                switch (settings.Exporter)
                {
                    case "otlp":
                        metrics.AddOtlpExporter(otlp => Endpoint(otlp, settings));
                        break;
                    case "console":
                        metrics.AddConsoleExporter();
                        break;
                }

                if (settings.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        return services;
    }

    private static void Endpoint(OpenTelemetry.Exporter.OtlpExporterOptions otlp, TelemetrySettings settings)
    {
        if (settings.OtlpEndpoint is { Length: > 0 } endpoint)
        {
            otlp.Endpoint = new Uri(endpoint);
        }
    }
}
