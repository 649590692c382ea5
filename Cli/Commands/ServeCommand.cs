using System.CommandLine;
using BlindSpot.Core.Keys;
using BlindSpot.Portal;
using Microsoft.Extensions.Hosting;

namespace BlindSpot.Cli.Commands;

/// <summary>
/// <c>blindspot serve [--urls http://127.0.0.1:5080] [--postgres CONNSTR] [--data DIR] [--known-proxies ADDR,…] [--allowed-hosts HOST,…]</c>: the portal for officers and
/// analysts, until stopped (Ctrl+C). With PostgreSQL, accounts, audit log, uploads and the job storage live there.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter output)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var postgres = PipelineHost.Postgres();
        var data = CommonOptions.Data();
        var models = ModelOptions.Models();
        var jobSchema = PipelineHost.Schema();
        var worklists = new Option<string>("--worklists")
        {
            Description = "Where the worklists are: files (worklists/<Q>/, what run-quarter writes) or postgres (what 'dispatch --postgres' writes; needs --postgres).",
            DefaultValueFactory = _ => "files",
        };
        worklists.AcceptOnlyFromAmong("files", "postgres");
        var schema = new Option<string>("--portal-schema") { Description = "Schema of the portal's tables in PostgreSQL.", DefaultValueFactory = _ => new PortalOptions().PostgresSchema };
        var proxies = new Option<string[]>("--known-proxies")
        {
            Description = "Reverse proxies whose X-Forwarded-For/-Proto are believed: addresses or networks (127.0.0.1, 10.0.0.0/8), comma-separated. Set it behind the TLS proxy.",
            AllowMultipleArgumentsPerToken = true,
        };
        var hosts = new Option<string[]>("--allowed-hosts")
        {
            Description = "Host names the portal answers to (others get 400), comma-separated; default any.",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("serve", "Run the portal: officers download worklists and upload outcomes; analysts watch runs and models.")
        {
            urls, postgres, data, models, schema, jobSchema, worklists, proxies, hosts,
        };
        command.SetAction(async (parse, ct) =>
        {
            var root = new Core.Paths.DataRoot(parse.GetValue(data)!.FullName);
            var connection = PipelineHost.ResolvePostgres(parse.GetValue(postgres));
            if (!LoopbackOnly(parse.GetValue(urls)!))
            {
                throw new BadArgumentsException($"serve: '{parse.GetValue(urls)}' listens on plain HTTP beyond loopback, where the session cookie would cross the network unencrypted; use https:// URLs, or listen on 127.0.0.1 behind a TLS reverse proxy.");
            }

            var sample = Pseudonymizer.FromEnvironment(allowSampleKey: true).IsSampleKey;
            var options = new PortalOptions
            {
                DataRoot = root.Path,
                ModelsFolder = ModelOptions.ResolveModels(parse.GetValue(models), root),
                PostgresConnectionString = connection,
                PostgresSchema = parse.GetValue(schema)!,
                JobStorageConnectionString = connection,
                JobStorageSchema = parse.GetValue(jobSchema)!,
                WorklistsInPostgres = parse.GetValue(worklists) == "postgres",
                // In-memory jobs exist only in this process, so it must run them; PostgreSQL jobs go to 'blindspot worker'.
                RunJobsInProcess = connection is null,
                SeedSampleAccounts = sample,
                AllowHttpOnLoopback = true,
                KnownProxies = List(parse.GetValue(proxies)),
                AllowedHosts = List(parse.GetValue(hosts)),
            };
            if (sample)
            {
                await output.WriteLineAsync($"warning: {Pseudonymizer.KeyVariable} is not set: SAMPLE mode, synthetic data only; the sample accounts of docs/PORTAL.md are seeded into an empty account store.");
            }

            using var host = PortalHost.CreateHostBuilder(options, parse.GetValue(urls)!).Build();
            await host.StartAsync(ct);
            await output.WriteLineAsync($"portal: listening on {parse.GetValue(urls)}; data {root.Path}; accounts {(connection is null ? "in " + options.PortalFolder : "in PostgreSQL schema " + options.PostgresSchema)}. Ctrl+C stops.");
            // The host's console lifetime takes SIGTERM and Ctrl+C and stops the host; wait for that (or our own cancellation).
            await host.WaitForShutdownAsync(ct);
            await output.WriteLineAsync("portal: stopped.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static List<string> List(string[]? values) =>
        [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    /// <summary>True when every URL is HTTPS or on a loopback host: only there may cookies travel without TLS.</summary>
    internal static bool LoopbackOnly(string urls) => urls.Split(';', StringSplitOptions.RemoveEmptyEntries)
        .All(u => Uri.TryCreate(u.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.IsLoopback));
}
