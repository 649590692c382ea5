using System.CommandLine;
using System.Globalization;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Outcomes;

namespace BlindSpot.Cli.Commands;

/// <summary><c>blindspot outcomes import &lt;file&gt; --quarter Q</c>: what officials found, checked row by row, into the labels training reads.</summary>
internal static class OutcomesCommand
{
    public static Command Create(TextWriter output)
    {
        var fileArgument = new Argument<FileInfo>("file") { Description = "The filled-in worklist (CSV or XLSX), or a file in the register layout." };
        var quarterOption = new Option<Quarter>("--quarter")
        {
            Description = "The quarter whose dispatch the outcomes answer, e.g. 2026Q3.",
            Required = true,
            CustomParser = CommonOptions.ParseQuarter,
        };
        var sigunguOption = new Option<string?>("--sigungu") { Description = "Accept only rows of this 시군구 (the uploading municipality)." };
        var dataOption = CommonOptions.Data();
        var import = new Command("import", "Import an outcome file: every row validated against the quarter's worklists, with a per-row report.")
        {
            fileArgument, quarterOption, sigunguOption, dataOption,
        };
        import.SetAction(async (parse, ct) =>
        {
            var root = new DataRoot(parse.GetValue(dataOption)!.FullName);
            var result = await new OutcomeImporter(Pseudonymizer.FromEnvironment(allowSampleKey: true), TimeProvider.System)
                .ImportAsync(root, parse.GetValue(quarterOption), parse.GetValue(fileArgument)!.FullName, parse.GetValue(sigunguOption), ct).ConfigureAwait(false);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"outcomes {result.Quarter}: {result.Read:N0} rows read = {result.Accepted:N0} accepted + {result.Rejected:N0} rejected; {result.Corrections:N0} corrections"));
            foreach (var rejected in result.Rows.Where(r => !r.Accepted).Take(20))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  line {rejected.Line}: {rejected.Field}: {rejected.Message}"));
            }

            output.WriteLine($"  report: {result.ReportPath}");
            output.WriteLine($"  labels: {result.LabelsPath}");
            return ExitCodes.Success;
        });
        return new Command("outcomes", "Outcomes municipalities report back: the labels the models retrain on.") { import };
    }
}
