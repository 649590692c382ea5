using System.CommandLine;
using BlindSpot.Cli.Configuration;
using BlindSpot.Cli.Hosting;
using BlindSpot.Core.Keys;
using BlindSpot.Portal;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BlindSpot.Cli.Commands;

/// <summary>
/// <c>blindspot serve [--urls http://127.0.0.1:5080] [--postgres CONNSTR] [--data DIR] [--known-proxies ADDR,…] [--allowed-hosts HOST,…]</c>: the portal for officers and
/// analysts, until stopped (SIGTERM or Ctrl+C). With PostgreSQL, accounts, audit log, uploads and the job storage live there.
/// Every option is also a configuration key (section Serve or Portal); runs as a systemd service too (deploy/blindspot-portal.service).
/// </summary>
internal static class ServeCommand
{
    public const string Name = "serve";

    public static Command Create(TextWriter output)
    {
        var defaults = new ServeSettings();
        var urls = new Option<string>("--urls") { Description = "Where to listen; configuration key Serve:Urls.", DefaultValueFactory = _ => defaults.Urls }.Configures("Serve:Urls");
        var postgres = PipelineHost.Postgres();
        var data = CommonOptions.Data();
        var models = ModelOptions.Models();
        var jobSchema = new Option<string>("--postgres-schema")
        {
            Description = "Schema of the Hangfire tables in PostgreSQL; configuration key Portal:JobStorageSchema.",
            DefaultValueFactory = _ => new PortalOptions().JobStorageSchema,
        }.Configures("Portal:JobStorageSchema");
        var worklists = new Option<string>("--worklists")
        {
            Description = "Where the worklists are: files (worklists/<Q>/, what run-quarter writes) or postgres (what 'dispatch --postgres' writes; needs --postgres). Configuration key Serve:Worklists.",
            DefaultValueFactory = _ => defaults.Worklists,
        }.Configures("Serve:Worklists");
        worklists.AcceptOnlyFromAmong("files", "postgres");
        var schema = new Option<string>("--portal-schema") { Description = "Schema of the portal's tables in PostgreSQL; configuration key Portal:PostgresSchema.", DefaultValueFactory = _ => new PortalOptions().PostgresSchema }.Configures("Portal:PostgresSchema");
        var proxies = new Option<string[]>("--known-proxies")
        {
            Description = "Reverse proxies whose X-Forwarded-For/-Proto are believed: addresses or networks (127.0.0.1, 10.0.0.0/8), comma-separated. Set it behind the TLS proxy. Configuration key Portal:KnownProxies.",
            AllowMultipleArgumentsPerToken = true,
        }.Configures("Portal:KnownProxies");
        var hosts = new Option<string[]>("--allowed-hosts")
        {
            Description = "Host names the portal answers to (others get 400), comma-separated; default any. Configuration key Portal:AllowedHosts.",
            AllowMultipleArgumentsPerToken = true,
        }.Configures("Portal:AllowedHosts");
        var logLevel = CliLogging.Level(LogLevel.Warning);
        var command = new Command(Name, "Run the portal: officers download worklists and upload outcomes; analysts watch runs and models.")
        {
            urls, postgres, data, models, schema, jobSchema, worklists, proxies, hosts, logLevel,
        };
        command.SetAction(async (parse, ct) =>
        {
            var settings = CliSettings.Of(parse);
            var serve = settings.Root.Serve;
            if (!LoopbackOnly(serve.Urls))
            {
                throw new BadArgumentsException($"serve: '{serve.Urls}' listens on plain HTTP beyond loopback, where the session cookie would cross the network unencrypted; use https:// URLs, or listen on 127.0.0.1 behind a TLS reverse proxy.");
            }

            var pseudonymizer = settings.Root.Pseudonymizer(allowSampleKey: true);
            var sample = pseudonymizer.IsSampleKey;
            var connection = settings.Postgres;
            var options = settings.Portal(o =>
            {
                o.WorklistsInPostgres = serve.Worklists == "postgres";
                // In-memory jobs exist only in this process, so it must run them; PostgreSQL jobs go to 'blindspot worker'.
                o.RunJobsInProcess = connection is null;
                o.SeedSampleAccounts = sample;
                o.AllowHttpOnLoopback = true;
            });
            if (sample)
            {
                await output.WriteLineAsync($"warning: {Pseudonymizer.KeyVariable} is not set: SAMPLE mode, synthetic data only; the sample accounts of docs/PORTAL.md are seeded into an empty account store.");
            }

            var level = settings.Root.ResolvedLogLevel(LogLevel.Warning);
            using var host = PortalHost.CreateHostBuilder(options, serve.Urls)
                .ConfigureAppConfiguration(configuration => configuration.AddConfiguration(settings.Configuration))
                .ConfigureLogging(logging => CliLogging.Configure(logging, level))
                .ConfigureServices(services =>
                {
                    // After the portal's registrations: the key from the configuration replaces the environment's default.
                    services.AddSingleton(pseudonymizer);
                    services.AddSystemd();
                    services.AddBlindSpotTelemetry(settings.Root.Telemetry, "blindspot-portal");
                    services.AddSingleton(settings.Root.Telemetry).AddTransient<IStartupFilter, MetricsEndpoint>();
                })
                .Build();
            await host.StartAsync(ct);
            await output.WriteLineAsync($"portal: listening on {serve.Urls}; data {options.DataRoot}; accounts {(connection is null ? "in " + options.PortalFolder : "in PostgreSQL schema " + options.PostgresSchema)}. Ctrl+C or SIGTERM stops.");
            // The host's lifetime (console or systemd) takes SIGTERM and Ctrl+C and stops the host; wait for that.
            await host.WaitForShutdownAsync(ct);
            await output.WriteLineAsync("portal: stopped.");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>True when every URL is HTTPS or on a loopback host: only there may cookies travel without TLS.</summary>
    internal static bool LoopbackOnly(string urls) => urls.Split(';', StringSplitOptions.RemoveEmptyEntries)
        .All(u => Uri.TryCreate(u.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.IsLoopback));
}
