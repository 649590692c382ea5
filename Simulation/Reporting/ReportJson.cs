using System.Text.Json;

namespace BlindSpot.Simulation.Reporting;

/// <summary>simulation.json's conventions: camelCase, indented, LF line ends on every OS, so the bytes are reproducible.</summary>
internal static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NewLine = "\n",
    };

    public static async Task WriteAsync(string path, SimulationReport report, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        await JsonSerializer.SerializeAsync(stream, report, Options, cancellationToken);
        await stream.WriteAsync("\n"u8.ToArray(), cancellationToken);
    }
}
