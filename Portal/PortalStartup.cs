using BlindSpot.Pipeline.Hosting;
using BlindSpot.Portal.Accounts;
using BlindSpot.Portal.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BlindSpot.Portal;

/// <summary>
/// Work done once when the portal starts: migrate the portal's schema (PostgreSQL mode), seed the sample accounts when
/// asked, and run a Hangfire server in this process when triggered runs are to execute here. Stops the server on shutdown.
/// </summary>
internal sealed class PortalStartup(IServiceProvider services, PortalOptions options) : IHostedService, IDisposable
{
    private Hangfire.BackgroundJobServer? server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<PortalDatabase>() is { } database)
        {
            await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        if (options.SeedSampleAccounts)
        {
            await SampleAccounts.SeedAsync(services.GetRequiredService<IAccountStore>(), services.GetRequiredService<AccountAdministration>(), cancellationToken).ConfigureAwait(false);
        }

        if (options.RunJobsInProcess)
        {
            server = services.GetRequiredService<PipelineServer>().Start();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        server?.SendStop();
        return Task.CompletedTask;
    }

    public void Dispose() => server?.Dispose();
}
