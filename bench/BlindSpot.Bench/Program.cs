using BlindSpot.Bench;

// Runs DuckDB doing one of our stages' jobs over the same files, so bench/*.sh can time both side by side.
return args switch
{
    ["features-duckdb", var data, var quarter, var output] => DuckDbFeatures.Run(data, quarter, output),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: BlindSpot.Bench features-duckdb <data-root> <quarter> <output-folder>");
    return 2;
}
