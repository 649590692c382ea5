using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;

// Reads every delivery of a quarter with DuckDB's CSV reader and writes Snappy Parquet, the baseline bench/ingest.sh
// compares BlindSpot's ingest with. DuckDB does no validation, pseudonymisation or quarantine; CP949 files are read as
// latin-1 (same bytes, no transcoding), so the figure is a lower bound for what DuckDB would need.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: DuckDbIngest <raw quarter folder> <output folder>");
    return 2;
}

var files = Directory.EnumerateFiles(args[0], "*.csv*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
Directory.CreateDirectory(args[1]);
var started = Stopwatch.GetTimestamp();
using var connection = new DuckDBConnection("DataSource=:memory:");
connection.Open();
using (var threads = connection.CreateCommand())
{
    threads.CommandText = "SET threads TO 2";
    threads.ExecuteNonQuery();
}

long rows = 0;
foreach (var file in files)
{
    var name = Path.GetFileName(file).Split('.')[0];
    var firstBytes = new byte[3];
    var encoding = "utf-8";
    if (!file.EndsWith(".gz", StringComparison.Ordinal))
    {
        using var stream = File.OpenRead(file);
        stream.ReadExactly(firstBytes);
        encoding = firstBytes is [0xEF, 0xBB, 0xBF] || IsUtf8(file) ? "utf-8" : "latin-1";
    }

    using var command = connection.CreateCommand();
    var output = Path.Combine(args[1], name + ".parquet");
    command.CommandText = $"COPY (SELECT * FROM read_csv('{file}', header = true, all_varchar = false, encoding = '{encoding}', ignore_errors = true, null_padding = true)) TO '{output}' (FORMAT parquet, COMPRESSION snappy)";
    rows += command.ExecuteNonQuery();
}

var elapsed = Stopwatch.GetElapsedTime(started);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"duckdb: {files.Count} files, {rows:N0} rows in {elapsed.TotalSeconds:0.0} s"));
return 0;

static bool IsUtf8(string file)
{
    var buffer = new byte[1 << 16];
    using var stream = File.OpenRead(file);
    var read = stream.Read(buffer);
    var lines = buffer.AsSpan(0, read);
    return System.Text.Unicode.Utf8.IsValid(lines[..(lines.LastIndexOf((byte)'\n') + 1)]);
}
