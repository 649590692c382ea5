using System.CommandLine;
using System.Globalization;
using BlindSpot.Cli.Configuration;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Ingestion;
using BlindSpot.Ingestion.Reporting;

namespace BlindSpot.Cli.Commands;

/// <summary><c>blindspot ingest &lt;quarter&gt; [--data DIR] [--catalog F] [--accept-volume-change]</c>: raw deliveries → roster, lake and quarantine, one line per feed.</summary>
internal static class IngestCommand
{
    public static Command Create(TextWriter output)
    {
        var quarterArgument = CommonOptions.QuarterArgument();
        var dataOption = CommonOptions.Data();
        var catalogOption = CommonOptions.Catalog();
        var acceptVolume = new Option<bool>("--accept-volume-change")
        {
            Description = "Accept accepted-row counts that changed against the previous quarter beyond the limits (roster ±5 %, feeds ±25 %) after checking them; recorded in the ingest report and the run manifest.",
        };
        var command = new Command("ingest", "Validate and pseudonymise a quarter's deliveries into roster/, lake/ and quarantine/.") { quarterArgument, dataOption, catalogOption, acceptVolume };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var pseudonymizer = CliSettings.Of(parse).Root.Pseudonymizer(allowSampleKey: true);
            if (pseudonymizer.IsSampleKey)
            {
                await output.WriteLineAsync($"warning: {Pseudonymizer.KeyVariable} is not set; using the published SAMPLE key, fit for synthetic data only.");
            }

            var quarter = parse.GetValue(quarterArgument);
            var root = new DataRoot(CliSettings.Of(parse).DataRoot.Path);
            var stage = new IngestStage(new IngestOptions
            {
                Catalog = parse.GetValue(catalogOption) is { } file ? FeedCatalog.Load(file.FullName) : null,
                Pseudonymizer = pseudonymizer,
                AcceptVolumeChange = parse.GetValue(acceptVolume),
                Buckets = CliSettings.Of(parse).Root.Partitioning.Buckets,
            });
            IngestReport report;
            try
            {
                var result = await StageVerb.RunAsync(stage, root, quarter, output, cancellationToken);
                report = IngestStage.ReportOf(result, root, quarter);
            }
            catch (IngestException ex) when (ex.Report is not null)
            {
                // The table shows which feeds failed and what the others did; the one-line error follows on stderr.
                Print(ex.Report, output);
                throw;
            }

            Print(report, output);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(IngestReport report, TextWriter output)
    {
        output.WriteLine($"{"feed",-34} {"status",-9} {"read",11} {"accepted",11} {"rejected",9} {"dups",7} {"unknown",8} {"ms",7}  file");
        foreach (var feed in report.All)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{feed.Feed,-34} {feed.Status,-9} {feed.RowsRead,11:N0} {feed.Accepted,11:N0} {feed.Rejected,9:N0} {feed.Duplicates,7:N0} {feed.UnknownKeys,8:N0} {feed.DurationMs,7}  {feed.File}"));
        }

        var t = report.Totals;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"total: {t.Feeds} files ({t.Ingested} ingested, {t.Skipped} skipped, {t.Missing} missing, {t.Failed} failed); read {t.RowsRead:N0} = accepted {t.Accepted:N0} + rejected {t.Rejected:N0} + duplicates {t.Duplicates:N0}; unknown keys {t.UnknownKeys:N0}; reconciled: {(report.Reconciled ? "yes" : "NO")}"));
        if (report.Roster.Buckets is { Count: > 0 } buckets)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"buckets: {buckets.Count}, {buckets.Min(b => b.Accepted):N0}–{buckets.Max(b => b.Accepted):N0} people each (per feed and bucket in ingest-report.json)"));
        }

        foreach (var warning in report.Warnings)
        {
            output.WriteLine($"warning: {warning}");
        }
    }
}
