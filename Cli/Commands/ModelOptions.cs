using System.CommandLine;
using System.CommandLine.Parsing;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;

namespace BlindSpot.Cli.Commands;

/// <summary>Options of the model verbs (train, models, score, evaluate): the variant, the models folder, and where it defaults to.</summary>
internal static class ModelOptions
{
    public static Option<Variant> Variant() => new("--variant")
    {
        Description = "household, child or lonely_death.",
        Required = true,
        CustomParser = ParseVariant,
    };

    /// <summary><c>--models DIR</c>; default the repository's models/ when run inside it, else &lt;data&gt;/models.</summary>
    public static Option<DirectoryInfo?> Models() => new("--models")
    {
        Description = "Models folder (<variant>/<version>/model.zip, <variant>/live.json); default the repository's models/ when run from it, else <data>/models.",
    };

    public static string ResolveModels(DirectoryInfo? option, DataRoot root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (option is not null)
        {
            return option.FullName;
        }

        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "BlindSpot.sln")))
            {
                return Path.Combine(folder.FullName, "models");
            }
        }

        return Path.Combine(root.Path, "models");
    }

    public static Variant ParseVariant(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        try
        {
            return VariantNames.Parse(text);
        }
        catch (FormatException ex)
        {
            result.AddError(ex.Message);
            return default;
        }
    }

    /// <summary>Splits <c>household/v20260715-1a2b3c4d</c> into variant and version.</summary>
    public static (Variant Variant, string Version) ParseModelName(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == text.Length - 1)
        {
            throw new FormatException($"'{text}' is not a model name: write <variant>/<version>, e.g. household/v20260715-1a2b3c4d.");
        }

        return (VariantNames.Parse(text[..slash]), text[(slash + 1)..]);
    }
}
