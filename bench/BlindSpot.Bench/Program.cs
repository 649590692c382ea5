using BlindSpot.Bench;

// Runs DuckDB doing one of our stages' jobs over the same files, so bench/*.sh can time both side by side.
return args switch
{
    ["features-duckdb", var data, var quarter, var output] => DuckDbFeatures.Run(data, quarter, output),
    ["scoring-data", var data, var quarter, var people, var share] => SyntheticScoringData.Run(data, quarter, long.Parse(people, System.Globalization.CultureInfo.InvariantCulture), double.Parse(share, System.Globalization.CultureInfo.InvariantCulture), null),
    ["scoring-data", var data, var quarter, var people, var share, var npy] => SyntheticScoringData.Run(data, quarter, long.Parse(people, System.Globalization.CultureInfo.InvariantCulture), double.Parse(share, System.Globalization.CultureInfo.InvariantCulture), npy),
    ["portal-data", var data, var quarter, var entries, var history] => SyntheticPortalData.Run(data, quarter, int.Parse(entries, System.Globalization.CultureInfo.InvariantCulture), int.Parse(history, System.Globalization.CultureInfo.InvariantCulture)),
    ["case-data", var data, var quarter, var entries, var quarters] => SyntheticCaseData.Run(data, quarter, int.Parse(entries, System.Globalization.CultureInfo.InvariantCulture), int.Parse(quarters, System.Globalization.CultureInfo.InvariantCulture), null),
    ["case-data", var data, var quarter, var entries, var quarters, var postgres] => SyntheticCaseData.Run(data, quarter, int.Parse(entries, System.Globalization.CultureInfo.InvariantCulture), int.Parse(quarters, System.Globalization.CultureInfo.InvariantCulture), postgres),
    ["fill-xlsx", var worklist, var output, var rows] => FilledOutcomeFile.Run(worklist, output, int.Parse(rows, System.Globalization.CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: BlindSpot.Bench features-duckdb <data-root> <quarter> <output-folder>");
    Console.Error.WriteLine("       BlindSpot.Bench scoring-data <data-root> <quarter> <people> <labelled-share> [npy-folder]");
    Console.Error.WriteLine("       BlindSpot.Bench portal-data <data-root> <quarter> <entries> <history-rows>");
    Console.Error.WriteLine("       BlindSpot.Bench fill-xlsx <worklist.xlsx> <output.xlsx> <rows>");
    Console.Error.WriteLine("       BlindSpot.Bench case-data <data-root> <quarter> <cases-a-quarter> <quarters> [postgres-connection-string]");
    return 2;
}
