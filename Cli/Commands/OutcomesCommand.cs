using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using BlindSpot.Cli.Configuration;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Regions;
using BlindSpot.Dispatch.Outcomes;

namespace BlindSpot.Cli.Commands;

/// <summary>
/// <c>blindspot outcomes import &lt;file&gt; --quarter Q</c>: what officials found, checked row by row, into the labels training
/// reads. Exits 1 when nothing was accepted (a file for another quarter or 시군구), so a script cannot mistake it for success.
/// </summary>
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
        var sigunguOption = new Option<string?>("--sigungu")
        {
            Description = "Accept only rows of this 시군구 (the uploading municipality), a 5-digit code such as 11110.",
            CustomParser = ParseSigungu,
        };
        var dataOption = CommonOptions.Data();
        var import = new Command("import", "Import an outcome file: every row validated against the quarter's worklists, with a per-row report.")
        {
            fileArgument, quarterOption, sigunguOption, dataOption,
        };
        import.SetAction(async (parse, ct) =>
        {
            var root = CliSettings.Of(parse).DataRoot;
            var result = await new OutcomeImporter(CliSettings.Of(parse).Root.Pseudonymizer(allowSampleKey: true), TimeProvider.System)
                .ImportAsync(root, parse.GetValue(quarterOption), parse.GetValue(fileArgument)!.FullName, parse.GetValue(sigunguOption), ct).ConfigureAwait(false);
            Print(output, result);
            if (result.Accepted == 0)
            {
                throw new InvalidDataException($"{result.File}: nothing accepted for {result.Quarter}: {WhyNothing(result)}");
            }

            return ExitCodes.Success;
        });
        return new Command("outcomes", "Outcomes municipalities report back: the labels the models retrain on.") { import };
    }

    private static void Print(TextWriter output, OutcomeImportResult result)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"outcomes {result.Quarter} (import {result.ImportId}): {result.Read:N0} rows read = {result.Accepted:N0} accepted + {result.Rejected:N0} rejected + {result.Pending:N0} not yet worked; {result.Corrections:N0} corrections"));
        foreach (var rejected in result.Rows.Where(r => !r.Accepted && !r.Pending).Take(20))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  line {rejected.Line}: {rejected.Field}: {rejected.Message}"));
        }

        output.WriteLine($"  report: {result.ReportPath}");
        output.WriteLine($"  labels: {result.LabelsPath}");
    }

    /// <summary>The commonest reason among the rejected rows, or that no row was filled in.</summary>
    private static string WhyNothing(OutcomeImportResult result)
    {
        if (result.Rejected == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{result.Pending:N0} of {result.Read:N0} rows are not yet worked (no outcome and no date); fill in the last two columns.");
        }

        var common = result.Rows.Where(r => !r.Accepted && !r.Pending)
            .GroupBy(r => r.Field).OrderByDescending(g => g.Count()).First();
        return string.Create(CultureInfo.InvariantCulture, $"{result.Rejected:N0} rows rejected, {common.Count():N0} of them on {common.Key}, e.g. line {common.First().Line}: {common.First().Message}. Check the file is for this quarter and 시군구; the report lists every row.");
    }

    private static string? ParseSigungu(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (RegionRegistry.LoadDefault().TryGetSigungu(text, out _))
        {
            return text;
        }

        result.AddError($"'{text}' is not a 시군구 code: give the 5-digit code of a 시군구 in catalog/regions.json, e.g. 11110.");
        return null;
    }
}
