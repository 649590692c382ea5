using BlindSpot.Core.Files;
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
    private IDisposable? server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The portal's folder holds accounts, the audit log, upload records and uploads being imported: owner-only (0700),
        // narrowed if it already existed wider, so nothing inside is readable by another account on the machine.
        PrivateFiles.CreateFolder(options.PortalFolder);

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
        // Disposing the pipeline's servers stops them and waits for running jobs up to Hangfire's shutdown timeout.
        Interlocked.Exchange(ref server, null)?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => Interlocked.Exchange(ref server, null)?.Dispose();
}
