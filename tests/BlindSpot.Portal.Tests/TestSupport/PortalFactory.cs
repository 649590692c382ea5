using System.Net;
using BlindSpot.Portal.Audit;
using BlindSpot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BlindSpot.Portal.Tests.TestSupport;

/// <summary>
/// The real portal in memory (WebApplicationFactory's TestServer) on a <see cref="PortalData"/> root, with accounts,
/// audit log and uploads in a scratch schema of the real PostgreSQL (or the embedded files when no database is given), the sample accounts seeded, and in-memory job storage
/// without a server (a triggered run is enqueued, not run).
/// </summary>
internal sealed class PortalFactory(PortalData data, PostgresTestDatabase? database, Action<PortalOptions>? configure = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<PortalFactory>
{
    /// <summary>The address every request seems to come from (TestServer has no peer): a reverse proxy's, in the proxy tests.</summary>
    public IPAddress Peer { get; init; } = IPAddress.Loopback;

    public PortalData Data { get; } = data;

    public PortalOptions Options { get; } = CreateOptions(data, database, configure);

    /// <summary>A client on https://localhost whose cookies live in <paramref name="cookies"/> (to copy a session cookie, as a thief would).</summary>
    public PortalSession Session(CookieContainer cookies) => new(CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies)));

    /// <summary>The audit log's entries, oldest first, from whichever store this portal uses.</summary>
    public async Task<IReadOnlyList<AuditEntry>> AuditAsync() =>
        [.. (await Services.GetRequiredService<IAuditLog>().LatestAsync(100_000, CancellationToken.None)).Reverse()];

    /// <summary>A client on <paramref name="baseAddress"/>, keeping cookies, not following redirects.</summary>
    public PortalSession Session(string baseAddress) => new(CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false }));

    /// <summary>A client on https://localhost (the cookies are Secure), keeping cookies, not following redirects.</summary>
    public PortalSession Session() => new(CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false }));

    /// <summary>A session signed in as <paramref name="userName"/> with its sample password, or anonymous for null.</summary>
    public async Task<PortalSession> SignedInAsync(string? userName)
    {
        var session = Session();
        if (userName is not null)
        {
            var response = await session.SignInAsync(userName, SamplePassword(userName));
            Assert.That((int)response.StatusCode, Is.EqualTo(302), $"sign-in of {userName}");
        }

        return session;
    }

    public static string SamplePassword(string userName) => BlindSpot.Portal.Accounts.SampleAccounts.All.Single(a => a.UserName == userName).Password;

    // The factory would look for a content root beside the solution; the portal serves nothing from disk by path, so the output folder does.
    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseContentRoot(AppContext.BaseDirectory).ConfigureServices(s =>
    {
        s.AddSingleton<IStartupFilter>(new PeerAddress(Peer));
        services?.Invoke(s);
    });

    protected override IHostBuilder CreateHostBuilder() => PortalHost.CreateHostBuilder(Options, "http://127.0.0.1:0");

    private static PortalOptions CreateOptions(PortalData data, PostgresTestDatabase? database, Action<PortalOptions>? configure)
    {
        var options = new PortalOptions
        {
            DataRoot = data.Root.Path,
            ModelsFolder = data.ModelsFolder,
            PostgresConnectionString = database?.ConnectionString,
            PostgresSchema = database?.Schema ?? "portal",
            RunJobsInProcess = false,
            SeedSampleAccounts = true,
        };
        configure?.Invoke(options);
        return options;
    }
}

