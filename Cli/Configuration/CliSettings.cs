using System.CommandLine;
using System.Runtime.CompilerServices;
using BlindSpot.Cli.Commands;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch;
using BlindSpot.Pipeline;
using BlindSpot.Portal;
using Microsoft.Extensions.Configuration;

namespace BlindSpot.Cli.Configuration;

/// <summary>
/// A verb's settings: the layered <see cref="Configuration"/> and the validated <see cref="Root"/> bound from it, made once
/// per command line. The pipeline's and the portal's options are bound from their sections (<c>Pipeline</c>,
/// <c>Portal</c>) onto the libraries' own options types, whose validation then names the key.
/// </summary>
internal sealed class CliSettings
{
    private static readonly ConditionalWeakTable<ParseResult, CliSettings> Loaded = [];

    private CliSettings(IConfiguration configuration, BlindSpotSettings root)
    {
        Configuration = configuration;
        Root = root;
    }

    public IConfiguration Configuration { get; }

    public BlindSpotSettings Root { get; }

    /// <summary>The data root (<c>Data</c>) as a full path.</summary>
    public DataRoot DataRoot => new(Path.GetFullPath(Root.Data));

    /// <summary>The models folder in effect (<c>Models</c>, else the repository's, else &lt;Data&gt;/models).</summary>
    public string ModelsFolder => ModelOptions.ResolveModels(Root.Models is { Length: > 0 } m ? new DirectoryInfo(m) : null, DataRoot);

    /// <summary>The connection string (<c>Postgres</c>), or null for in-memory jobs and files.</summary>
    public string? Postgres => Root.Postgres is { Length: > 0 } p ? p : null;

    /// <summary>The settings of <paramref name="parse"/>, loaded and validated on first use.</summary>
    public static CliSettings Of(ParseResult parse) => Loaded.GetValue(parse, p => Load(CliConfiguration.Build(p)));

    /// <summary>Binds and validates <paramref name="configuration"/>; throws <see cref="SettingsException"/> naming the key.</summary>
    public static CliSettings Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var root = new BlindSpotSettings();
        Bind(configuration, root, errorOnUnknown: false);
        root.Validate();
        return new CliSettings(configuration, root);
    }

    /// <summary>
    /// Pipeline options: data root, models and PostgreSQL from the root keys, then section <c>Pipeline</c>, then
    /// <paramref name="configure"/> (a verb's own choices); validated, an error naming <c>Pipeline:&lt;key&gt;</c>.
    /// </summary>
    public PipelineOptions Pipeline(Action<PipelineOptions>? configure = null)
    {
        if (Configuration.GetSection("Pipeline:Dispatch").Exists())
        {
            throw new SettingsException("configuration: Pipeline:Dispatch is not a key; the dispatch settings are section Dispatch (Dispatch:Quotas:Child:Count …), shared by every verb.");
        }

        var options = new PipelineOptions { DataRoot = DataRoot.Path, ModelsFolder = ModelsFolder, PostgresConnectionString = Postgres, Dispatch = Dispatch(), Buckets = Root.Partitioning.Buckets };
        Bind(Configuration.GetSection("Pipeline"), options, errorOnUnknown: true, "Pipeline");
        configure?.Invoke(options);
        Validated("Pipeline", options.Validate, "Invalid pipeline options: ");
        return options;
    }

    /// <summary>
    /// Dispatch options from section <c>Dispatch</c> (<c>Dispatch:Quotas:LonelyDeath:Count</c>,
    /// <c>BLINDSPOT_DISPATCH__QUOTAS__LONELY_DEATH__COUNT</c>, <c>Dispatch:Priority</c> …) over
    /// <see cref="DispatchOptions"/>'s defaults; validated, an error naming <c>Dispatch:&lt;key&gt;</c>. The one source for
    /// <c>dispatch</c>, <c>evaluate</c>, <c>train</c> and the pipeline, so the lists evaluated are the lists dispatched.
    /// </summary>
    public DispatchOptions Dispatch()
    {
        var section = Configuration.GetSection("Dispatch");
        // The binder appends a configured list to the default one; a configured priority replaces it.
        var options = section.GetSection(nameof(DispatchOptions.Priority)).Exists() ? new DispatchOptions { Priority = [] } : new DispatchOptions();
        Bind(section, options, errorOnUnknown: true, "Dispatch");
        Validated("Dispatch", options.Validate, "Invalid dispatch options: ");
        return options;
    }

    /// <summary>
    /// <see cref="Dispatch()"/>, checked for <paramref name="quarter"/> too (<see cref="DispatchOptions.ValidateFor"/>: the
    /// dispatch date's range), an error naming <c>Dispatch:DispatchDate</c>.
    /// </summary>
    public DispatchOptions Dispatch(Quarter quarter)
    {
        var options = Dispatch();
        Validated("Dispatch", () => options.ValidateFor(quarter), "Invalid dispatch options: ");
        return options;
    }

    /// <summary>Portal options: data root, models and PostgreSQL from the root keys, then section <c>Portal</c>, then <paramref name="configure"/>.</summary>
    public PortalOptions Portal(Action<PortalOptions>? configure = null)
    {
        var options = new PortalOptions
        {
            DataRoot = DataRoot.Path,
            ModelsFolder = ModelsFolder,
            PostgresConnectionString = Postgres,
            JobStorageConnectionString = Postgres,
        };
        Bind(Configuration.GetSection("Portal"), options, errorOnUnknown: true, "Portal");
        configure?.Invoke(options);
        Validated("Portal", options.Validate, "Invalid portal options: ");
        return options;
    }

    private static void Validated(string section, Action validate, string prefix)
    {
        try
        {
            validate();
        }
        catch (ArgumentException ex)
        {
            // The libraries' messages start with the property's name: prefixed with the section, it is the key to fix.
            var message = ex.Message.StartsWith(prefix, StringComparison.Ordinal) ? ex.Message[prefix.Length..] : ex.Message;
            throw new SettingsException($"configuration: {section}:{message}", ex);
        }
    }

    private static void Bind(IConfiguration configuration, object target, bool errorOnUnknown, string? section = null)
    {
        try
        {
            configuration.Bind(target, o => o.ErrorOnUnknownConfiguration = errorOnUnknown);
        }
        catch (InvalidOperationException ex)
        {
            // The binder names the key it could not convert ("… at 'Pipeline:WorkerCount' to type 'System.Int32'") or the unknown ones.
            throw new SettingsException($"configuration{(section is null ? "" : $" section '{section}'")}: {ex.Message}", ex);
        }
    }
}
