using BlindSpot.Cli.Commands;
using BlindSpot.Cli.Configuration;
using BlindSpot.Pipeline.Health;
using BlindSpot.Portal.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BlindSpot.Cli.Hosting;

/// <summary>
/// <c>blindspot worker</c> on the .NET Generic Host: the pipeline's services from the configuration, the Hangfire servers
/// as a hosted service, systemd integration (notify on start, stop on SIGTERM; nothing changes outside systemd), and,
/// when <c>Worker:HealthUrls</c> is set, a small Kestrel endpoint for <c>/healthz</c> and <c>/readyz</c>.
/// </summary>
internal static class WorkerHost
{
    /// <summary>How long a stopping worker waits for its running jobs to hand themselves back; Hangfire's own stop waits within it.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(60);

    public static IHost Build(CliSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var urls = settings.Root.Worker.HealthUrls;
        if (urls is { Length: > 0 })
        {
            var web = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            Configure(web, settings);
            web.WebHost.UseKestrelCore().UseUrls(urls);
            web.Services.AddRouting();
            var options = settings.Pipeline();
            web.Services.AddHealthChecks().AddBlindSpotReadiness(new ReadinessTargets(options.DataRoot, options.ResolvedModelsFolder, options.PostgresConnectionString));
            web.Services.AddSingleton(settings.Root.Telemetry).AddTransient<IStartupFilter, MetricsEndpoint>();
            var app = web.Build();
            HealthEndpoints.Map(app);
            return app;
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        Configure(builder, settings);
        return builder.Build();
    }

    private static void Configure(IHostApplicationBuilder builder, CliSettings settings)
    {
        builder.Configuration.AddConfiguration(settings.Configuration);
        PipelineHost.Services(settings, LogLevel.Information, services: builder.Services);
        builder.Services.AddSingleton(settings.Root.Worker);
        builder.Services.AddSingleton<PipelineWorkerService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PipelineWorkerService>());
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        builder.Services.AddSystemd();
    }
}
