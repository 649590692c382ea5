using Microsoft.Extensions.Configuration;

namespace BlindSpot.Cli.Configuration;

/// <summary>
/// The options given on the command line as the top configuration layer. Configuration merges lists item by item (a file's
/// three proxies and an option's one would make one list of three); a list this layer sets hides the items of the layers
/// below, so an option replaces a list as it replaces a value.
/// </summary>
internal sealed class CommandLineLayer(IEnumerable<KeyValuePair<string, string?>> values, IEnumerable<string> lists) : ConfigurationProvider, IConfigurationSource
{
    private readonly HashSet<string> lists = new(lists, StringComparer.OrdinalIgnoreCase);

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    public override void Load() => Data = new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase);

    public override IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath) =>
        parentPath is not null && lists.Contains(parentPath)
            ? base.GetChildKeys([], parentPath)
            : base.GetChildKeys(earlierKeys, parentPath);
}
