using System.CommandLine;
using System.Globalization;
using BlindSpot.Cli.Configuration;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Features;
using BlindSpot.Features.Schema;

namespace BlindSpot.Cli.Commands;

/// <summary><c>blindspot features &lt;quarter&gt;</c> builds the quarter's features; <c>features describe</c> prints docs/FEATURES.md.</summary>
internal static class FeaturesCommand
{
    public static Command Create(TextWriter output)
    {
        var quarterArgument = CommonOptions.QuarterArgument();
        var dataOption = CommonOptions.Data();
        var catalogOption = CommonOptions.Catalog();
        var command = new Command("features", "Build one row of features per roster person from the quarter's lake (and the previous quarter's, for change features).")
        {
            quarterArgument, dataOption, catalogOption,
        };
        command.SetAction(async (parse, ct) =>
        {
            var quarter = parse.GetValue(quarterArgument);
            var root = CliSettings.Of(parse).DataRoot;
            var catalog = CommonOptions.LoadCatalog(parse, catalogOption);
            if ((await StageVerb.RunAsync(new FeaturesStage(catalog, new FeatureOptions()), root, quarter, output, ct).ConfigureAwait(false)).Outcome?.Detail is not FeatureBuildResult result)
            {
                return ExitCodes.Success;
            }

            var manifest = result.Manifest;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"features {quarter}: {manifest.Rows:N0} people × {manifest.Features.Count} features in {manifest.Partitions.Count} bucket parts ({result.BucketsBuilt} built, the others current), {result.Elapsed.TotalSeconds:F1} s"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  change since {manifest.PreviousQuarter ?? "(no previous quarter)"}; unknown keys {manifest.Feeds.Sum(f => f.UnknownKeys):N0}; absent feeds: {string.Join(", ", manifest.Feeds.Where(f => !f.Present).Select(f => f.Code).DefaultIfEmpty("none"))}"));
            output.WriteLine("  phases: " + string.Join(", ", result.Phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} {p.Elapsed.TotalSeconds:F1} s"))));
            output.WriteLine($"  {result.Folder}");
            return ExitCodes.Success;
        });

        var describe = new Command("describe", "Print the feature reference (docs/FEATURES.md) for the catalog.") { catalogOption };
        describe.SetAction(parse =>
        {
            var catalog = CommonOptions.LoadCatalog(parse, catalogOption);
            output.Write(FeatureDocument.Render(catalog));
            return ExitCodes.Success;
        });
        command.Subcommands.Add(describe);
        return command;
    }
}
