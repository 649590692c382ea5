using System.CommandLine;
using System.CommandLine.Parsing;
using BlindSpot.Cli.Configuration;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;

namespace BlindSpot.Cli.Commands;

/// <summary>Options of the model verbs (train, models, score, evaluate): the variant, the models folder, and where it defaults to.</summary>
internal static class ModelOptions
{
    /// <summary>How help shows a variant: the names in files and paths (the enum's own names are accepted too).</summary>
    public const string VariantHelpName = "household|child|lonely_death";

    public static Option<Variant> Variant() => new("--variant")
    {
        Description = "household, child or lonely_death (also LonelyDeath, lonely-death; any case).",
        HelpName = VariantHelpName,
        Required = true,
        CustomParser = ParseVariant,
    };

    /// <summary>A <c>&lt;variant&gt;/&lt;version&gt;</c> argument, checked while parsing so a malformed one exits 2.</summary>
    public static Argument<ModelName> ModelArgument(string name = "model") => new(name)
    {
        Description = "<variant>/<version>, e.g. household/v20260715-1a2b3c4d.",
        CustomParser = ParseModelName,
    };

    /// <summary>The <c>--model &lt;variant&gt;/&lt;version&gt;</c> option, checked while parsing.</summary>
    public static Option<ModelName> ModelOption() => new("--model")
    {
        Description = "<variant>/<version>, e.g. household/v20260715-1a2b3c4d.",
        Required = true,
        CustomParser = ParseModelName,
    };

    /// <summary><c>--models DIR</c>; default the repository's models/ when run inside it, else &lt;data&gt;/models.</summary>
    public static Option<DirectoryInfo?> Models() => new Option<DirectoryInfo?>("--models")
    {
        Description = "Models folder (<variant>/<version>/model.zip, <variant>/live.json); default the repository's models/ when run from it, else <data>/models. Configuration key Models.",
    }.Configures("Models");

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
        if (TryParseVariant(text, out var variant))
        {
            return variant;
        }

        result.AddError($"'{text}' is not a variant: use household, child or lonely_death.");
        return default;
    }

    /// <summary>
    /// A variant by its file name (<c>lonely_death</c>) or the spellings a user copies from help or C#
    /// (<c>LonelyDeath</c>, <c>lonely-death</c>): case, '_' and '-' do not matter.
    /// </summary>
    public static bool TryParseVariant(string text, out Variant variant)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = text.Trim().Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        foreach (var candidate in VariantNames.All)
        {
            if (string.Equals(folded, candidate.ToCode().Replace("_", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase))
            {
                variant = candidate;
                return true;
            }
        }

        variant = default;
        return false;
    }

    /// <summary>Splits <c>household/v20260715-1a2b3c4d</c> into variant and version; a malformed name is a parse error (exit 2).</summary>
    public static ModelName ParseModelName(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == text.Length - 1)
        {
            result.AddError($"'{text}' is not a model name: write <variant>/<version>, e.g. household/v20260715-1a2b3c4d ('blindspot models list' shows them).");
            return default;
        }

        if (!TryParseVariant(text[..slash], out var variant))
        {
            result.AddError($"'{text}' does not start with a variant: use household, child or lonely_death, e.g. household/v20260715-1a2b3c4d.");
            return default;
        }

        return new ModelName(variant, text[(slash + 1)..]);
    }
}
