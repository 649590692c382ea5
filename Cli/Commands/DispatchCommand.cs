using System.CommandLine;
using System.Globalization;
using BlindSpot.Cli.Configuration;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Regions;
using BlindSpot.Dispatch;
using BlindSpot.Dispatch.Postgres;
using BlindSpot.Dispatch.Worklists;
using Npgsql;

namespace BlindSpot.Cli.Commands;

/// <summary><c>blindspot dispatch &lt;quarter&gt;</c>: the top-ranked people into per-시군구 worklists.</summary>
internal static class DispatchCommand
{
    public static Command Create(TextWriter output)
    {
        var quarterArgument = CommonOptions.QuarterArgument();
        var dataOption = CommonOptions.Data();
        var catalogOption = CommonOptions.Catalog();
        var postgresOption = new Option<string?>("--postgres")
        {
            Description = "Store the worklists in PostgreSQL (Npgsql connection string) instead of files; configuration key Postgres, env BLINDSPOT_POSTGRES.",
        }.Configures("Postgres");
        var dispatchDate = CommonOptions.DispatchDate();
        var command = new Command("dispatch", "Select the top of each variant's ranking into per-시군구 worklists with Korean reasons.")
        {
            quarterArgument, dataOption, catalogOption, postgresOption, dispatchDate,
        };
        command.SetAction(async (parse, ct) =>
        {
            var quarter = parse.GetValue(quarterArgument);
            var root = CliSettings.Of(parse).DataRoot;
            var catalog = CommonOptions.LoadCatalog(parse, catalogOption);
            // No sample-key warning here: dispatch writes no pseudonyms; ingest, which made them, has warned once already.
            var pseudonymizer = CliSettings.Of(parse).Root.Pseudonymizer(allowSampleKey: true);

            var connection = CliSettings.Of(parse).Postgres;
            await using var dataSource = connection is null ? null : NpgsqlDataSource.Create(connection);
            var regions = RegionRegistry.LoadDefault();
            IWorklistStore store = dataSource is null
                ? new FileWorklistStore(root, [.. regions.Sigungu.Select(s => s.Code)])
                : new PostgresWorklistStore(dataSource, new PostgresOptions { ConnectionString = connection! });
            var stage = new DispatchStage(catalog, regions, CliSettings.Of(parse).Dispatch(quarter), pseudonymizer, store);
            if ((await StageVerb.RunAsync(stage, root, quarter, output, ct).ConfigureAwait(false)).Outcome?.Detail is not DispatchSummary summary)
            {
                return ExitCodes.Success;
            }

            foreach (var (variant, v) in summary.Variants)
            {
                var excluded = v.Excluded.Count == 0 ? "none" : string.Join(", ", v.Excluded.Select(e => $"{e.Key} {e.Value:N0}"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {variant,-13} {v.Selected,7:N0} of quota {v.Quota,7:N0}  model {v.ModelVersion}  excluded: {excluded}"));
                foreach (var (code, c) in v.Cohorts)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    rule cohort {code}: {c.Selected:N0} of its {c.Quota:N0} places ({c.Members:N0} ranked people meet its conditions)"));
                }
            }

            foreach (var warning in summary.Warnings)
            {
                output.WriteLine($"warning: {warning}");
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  dispatched on {summary.DispatchDate:yyyy-MM-dd}: outcomes due {summary.DispatchDate.AddDays(summary.OutcomeDueDays):yyyy-MM-dd}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dispatch {quarter}: {summary.Total:N0} entries for {summary.PerSigungu.Count} 시군구 in {store.Describe(quarter)}"));
            return ExitCodes.Success;
        });
        return command;
    }
}
