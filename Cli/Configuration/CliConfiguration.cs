using System.Collections;
using System.CommandLine;
using System.CommandLine.Parsing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;

namespace BlindSpot.Cli.Configuration;

/// <summary>
/// The one configuration stack of every verb and host, lowest first: <c>appsettings.json</c> (the working directory's,
/// or the file <c>--config</c> names), <c>appsettings.{Environment}.json</c> beside it (Environment from
/// <c>BLINDSPOT_ENVIRONMENT</c>, else <c>DOTNET_ENVIRONMENT</c>, else Production), the <c>BLINDSPOT_*</c> environment
/// variables, then the options given on the command line.
/// </summary>
internal static class CliConfiguration
{
    public const string ConfigOptionName = "--config";
    public const string EnvironmentVariable = "BLINDSPOT_ENVIRONMENT";
    public const string DefaultFileName = "appsettings.json";

    /// <summary><c>--config FILE</c>, on the root and every verb.</summary>
    public static Option<FileInfo?> ConfigOption() => new(ConfigOptionName)
    {
        Description = $"Settings file (JSON) instead of ./{DefaultFileName}; appsettings.<Environment>.json beside it, BLINDSPOT_* variables and options override it.",
        Recursive = true,
    };

    /// <summary>The layered configuration for <paramref name="parse"/>; <paramref name="environment"/> defaults to the process's variables.</summary>
    public static IConfigurationRoot Build(ParseResult parse, IDictionary? environment = null)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var variables = environment ?? Environment.GetEnvironmentVariables();
        var given = ConfigFile(parse);
        if (given is not null && !given.Exists)
        {
            throw new SettingsException($"{ConfigOptionName}: {given.FullName} does not exist.");
        }

        var path = given?.FullName ?? Path.Combine(Directory.GetCurrentDirectory(), DefaultFileName);
        var folder = Path.GetDirectoryName(path)!;
        var name = Variable(variables, EnvironmentVariable) ?? Variable(variables, "DOTNET_ENVIRONMENT") ?? "Production";
        var builder = new ConfigurationBuilder();
        if (Directory.Exists(folder))
        {
            var files = new PhysicalFileProvider(folder);
            builder.AddJsonFile(files, Path.GetFileName(path), optional: given is null, reloadOnChange: false);
            builder.AddJsonFile(files, $"{Path.GetFileNameWithoutExtension(path)}.{name}.json", optional: true, reloadOnChange: false);
        }

        builder.Add(new BlindSpotEnvironmentVariables(variables));
        var values = CommandLineValues(parse).ToList();
        builder.Add(new CommandLineLayer(values, ListKeys(parse)));
        try
        {
            return builder.Build();
        }
        catch (InvalidDataException ex)
        {
            // The JSON provider's message names the file and, through its inner exception, the line.
            throw new SettingsException($"configuration: {ex.Message} {ex.InnerException?.Message}".TrimEnd(), ex);
        }
    }

    /// <summary>The options given on the command line that set a configuration key, as key/value pairs; lists as key:0, key:1 ….</summary>
    internal static IEnumerable<KeyValuePair<string, string?>> CommandLineValues(ParseResult parse)
    {
        foreach (var (option, binding, given) in Given(parse))
        {
            var tokens = given.Tokens.Select(t => t.Value).ToList();
            if (option.Arity.MaximumNumberOfValues > 1)
            {
                var items = tokens.SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
                for (var i = 0; i < items.Count; i++)
                {
                    yield return new($"{binding.Key}:{i}", binding.Convert(items[i]));
                }
            }
            else
            {
                yield return new(binding.Key, binding.Convert(tokens.Count > 0 ? tokens[^1] : "true"));
            }
        }
    }

    /// <summary>The keys of the list options given on the command line, whose lists replace the lower layers' whole.</summary>
    private static IEnumerable<string> ListKeys(ParseResult parse) =>
        Given(parse).Where(g => g.Option.Arity.MaximumNumberOfValues > 1).Select(g => g.Binding.Key);

    private static IEnumerable<(Option Option, ConfigKeys.Binding Binding, OptionResult Result)> Given(ParseResult parse)
    {
        for (var result = parse.CommandResult; result is not null; result = result.Parent as CommandResult)
        {
            foreach (var option in result.Command.Options)
            {
                if (ConfigKeys.Of(option) is { } binding && parse.GetResult(option) is { Implicit: false } given)
                {
                    yield return (option, binding, given);
                }
            }
        }
    }

    private static FileInfo? ConfigFile(ParseResult parse)
    {
        for (var result = parse.CommandResult; result is not null; result = result.Parent as CommandResult)
        {
            if (result.Command.Options.OfType<Option<FileInfo?>>().FirstOrDefault(o => o.Name == ConfigOptionName) is { } option)
            {
                return parse.GetValue(option);
            }
        }

        return null;
    }

    private static string? Variable(IDictionary variables, string name) => variables[name] is string { Length: > 0 } value ? value : null;
}
