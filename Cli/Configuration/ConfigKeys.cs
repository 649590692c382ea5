using System.CommandLine;
using System.Runtime.CompilerServices;

namespace BlindSpot.Cli.Configuration;

/// <summary>
/// Which configuration key an option sets. An option given on the command line is the last configuration layer (over
/// environment and files); one left out sets nothing, so its help default is only the configuration's own default.
/// </summary>
internal static class ConfigKeys
{
    private static readonly ConditionalWeakTable<Option, Binding> Bindings = [];

    /// <summary>Marks <paramref name="option"/> as setting <paramref name="key"/>; <paramref name="convert"/> turns its text into the key's form.</summary>
    public static T Configures<T>(this T option, string key, Func<string, string>? convert = null)
        where T : Option
    {
        ArgumentNullException.ThrowIfNull(option);
        Bindings.AddOrUpdate(option, new Binding(key, convert ?? (text => text)));
        return option;
    }

    /// <summary>The key and converter of <paramref name="option"/>, or null when it sets no configuration.</summary>
    public static Binding? Of(Option option) => Bindings.TryGetValue(option, out var binding) ? binding : null;

    /// <summary>A key and how an option's token becomes its value.</summary>
    internal sealed record Binding(string Key, Func<string, string> Convert);
}
