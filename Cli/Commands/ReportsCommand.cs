using System.CommandLine;
using System.Globalization;
using BlindSpot.Cli.Configuration;
using BlindSpot.Core.Quarters;
using BlindSpot.Portal;
using BlindSpot.Portal.Audit;
using BlindSpot.Portal.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace BlindSpot.Cli.Commands;

/// <summary>
/// <c>blindspot reports import &lt;file&gt; --quarter Q</c>: a file of reports from the public (복지위기 알림) taken in as the
/// analyst's page takes it (the portal's <see cref="ReportIntake"/> over the same stores: PostgreSQL with --postgres, else
/// the embedded case store under --data), audited. Prints rows read = matched + unmatched + rejected and each refused
/// row by file, line and field; exits 1 when the file held rows and none could be taken in.
/// </summary>
internal static class ReportsCommand
{
    public static Command Create(TextWriter output)
    {
        var file = new Argument<FileInfo>("file") { Description = "The report file: CSV (UTF-8 or CP949) with 주민등록번호 (or 성명 and 주소), 관찰내용, 신고자구분, 신고일자." };
        var quarter = new Option<Quarter>("--quarter") { Description = "The quarter whose roster the reports are matched against, e.g. 2026Q3.", Required = true, CustomParser = CommonOptions.ParseQuarter };
        var schema = new Option<string>("--portal-schema") { Description = "Schema of the portal's tables in PostgreSQL; configuration key Portal:PostgresSchema.", DefaultValueFactory = _ => new PortalOptions().PostgresSchema }.Configures("Portal:PostgresSchema");
        var import = new Command("import", "Import a file of reports: each matched to the roster and put on the person's case (or kept unmatched for analysts).")
        {
            file, quarter, CommonOptions.Data(), PipelineHost.Postgres(), schema,
        };
        import.SetAction(async (parse, ct) =>
        {
            var settings = CliSettings.Of(parse);
            var options = settings.Portal(o => o.RunJobsInProcess = false);
            var services = new ServiceCollection().AddLogging().AddPortal(options);
            // After the portal's registrations: the configured key replaces the environment's default.
            services.AddSingleton(settings.Root.Pseudonymizer(allowSampleKey: true));
            await using var provider = services.BuildServiceProvider();
            var path = parse.GetValue(file)!.FullName;
            var user = "cli:" + Environment.UserName;
            var result = await provider.GetRequiredService<ReportIntake>().ImportFileAsync(user, parse.GetValue(quarter), path, Path.GetFileName(path), ct);
            await provider.GetRequiredService<IAuditLog>().AppendAsync(new AuditEntry
            {
                At = TimeProvider.System.GetUtcNow(), UserName = user, Role = "cli", Action = AuditActions.ReportImport,
                Target = $"/analyst/reports/{result.IntakeId}", Rows = result.Read, Client = "cli", Outcome = result.Rejected == 0 ? "ok" : "partial",
            }, ct);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"reports {result.Quarter} (intake {result.IntakeId}): {result.Read:N0} rows read = {result.Matched:N0} matched + {result.Unmatched:N0} unmatched + {result.Rejected:N0} rejected"));
            foreach (var r in result.Rejections.Take(20))
            {
                output.WriteLine($"  {r}");
            }

            if (result.Read > 0 && result.Rejected == result.Read)
            {
                throw new InvalidDataException($"{path}: no report taken in: every row was refused (first: {result.Rejections[0]}).");
            }

            return ExitCodes.Success;
        });
        return new Command("reports", "Reports from the public (복지위기 알림): matched to the roster, they become or join cases of the person's 시군구.") { import };
    }
}
