using System.Collections;
using Microsoft.Extensions.Configuration;

namespace BlindSpot.Cli.Configuration;

/// <summary>
/// The <c>BLINDSPOT_</c> environment variables as configuration keys: the rest of the name in upper snake case, <c>__</c>
/// between sections, so <c>BLINDSPOT_POSTGRES</c> is <c>Postgres</c>, <c>BLINDSPOT_PSEUDONYM_KEY</c> is <c>PseudonymKey</c>
/// and <c>BLINDSPOT_PIPELINE__WORKER_COUNT</c> is <c>Pipeline:WorkerCount</c>. The framework's provider keeps single
/// underscores, which would have renamed the variables operators already set; keys match case-insensitively either way.
/// </summary>
internal sealed class BlindSpotEnvironmentVariables : ConfigurationProvider, IConfigurationSource
{
    /// <summary>The prefix every BlindSpot variable starts with.</summary>
    public const string Prefix = "BLINDSPOT_";

    private readonly IDictionary variables;

    public BlindSpotEnvironmentVariables(IDictionary variables) => this.variables = variables;

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    public override void Load()
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in variables)
        {
            if (entry.Key is string name && name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && name.Length > Prefix.Length)
            {
                data[KeyOf(name[Prefix.Length..])] = entry.Value as string;
            }
        }

        Data = data;
    }

    /// <summary><c>PIPELINE__WORKER_COUNT</c> → <c>PIPELINE:WORKERCOUNT</c> (keys are case-insensitive).</summary>
    public static string KeyOf(string name) =>
        string.Join(ConfigurationPath.KeyDelimiter, name.Split("__").Select(part => part.Replace("_", "", StringComparison.Ordinal)));
}
