using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BlindSpot.Portal;

/// <summary>Builds the portal's host: Kestrel on the given URLs, <see cref="PortalServiceCollectionExtensions.AddPortal"/> and <see cref="PortalApplicationBuilderExtensions.UsePortal"/>.</summary>
public static class PortalHost
{
    /// <summary>A host builder for the portal; <paramref name="urls"/> such as <c>http://127.0.0.1:5080</c> (port 0 picks a free one).</summary>
    public static IHostBuilder CreateHostBuilder(PortalOptions options, string urls) =>
        new HostBuilder()
            .UseContentRoot(AppContext.BaseDirectory)
            .ConfigureLogging(logging => logging
                .AddSimpleConsole(console => console.SingleLine = true)
                // Request lines carry quarters and 시군구 codes only; still, keep the framework's chatter to warnings.
                .SetMinimumLevel(LogLevel.Warning))
            .ConfigureWebHost(web => web
                .UseKestrel(kestrel => kestrel.AddServerHeader = false)
                .UseUrls(urls)
                .ConfigureServices(services => services.AddPortal(options))
                .Configure(app => app.UsePortal()));
}
