using System.CommandLine;
using System.Globalization;
using BlindSpot.Cli.Configuration;
using BlindSpot.Core.Regions;
using BlindSpot.Dispatch;
using BlindSpot.Dispatch.Discovery;

namespace BlindSpot.Cli.Commands;

/// <summary><c>blindspot discovery-index &lt;quarter&gt;</c>: the per-시군구 own-discovery index (자체 발굴) after dispatch.</summary>
internal static class DiscoveryIndexCommand
{
    public static Command Create(TextWriter output)
    {
        var quarterArgument = CommonOptions.QuarterArgument();
        var dataOption = CommonOptions.Data();
        var catalogOption = CommonOptions.Catalog();
        var command = new Command("discovery-index", "Index, per 시군구, the residents with crisis information this quarter who were not dispatched (own discovery, 자체 발굴).")
        {
            quarterArgument, dataOption, catalogOption,
        };
        command.SetAction(async (parse, ct) =>
        {
            var quarter = parse.GetValue(quarterArgument);
            var root = CliSettings.Of(parse).DataRoot;
            var catalog = CommonOptions.LoadCatalog(parse, catalogOption);
            var pseudonymizer = CliSettings.Of(parse).Root.Pseudonymizer(allowSampleKey: true);
            var stage = new DiscoveryIndexStage(catalog, RegionRegistry.LoadDefault(), new DispatchOptions(), pseudonymizer);
            if ((await StageVerb.RunAsync(stage, root, quarter, output, ct).ConfigureAwait(false)).Outcome?.Detail is DiscoveryIndexSummary summary)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"discovery-index {quarter}: {summary.Indexed:N0} of {summary.RosterSize:N0} people in {summary.PerSigungu.Count} 시군구 files ({summary.MissingIdentity:N0} without a vault row)"));
                output.WriteLine("  phases: " + string.Join(", ", summary.Phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} {p.Elapsed.TotalSeconds:F1} s"))));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
