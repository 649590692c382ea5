namespace BlindSpot.Simulation.Reporting;

/// <summary>
/// What a simulation made, also written to <c>simulation.json</c>. Holds no timings or machine facts, so the file
/// is byte-identical for the same options and seed.
/// </summary>
/// <param name="Generator">The simulator and its output-format version.</param>
/// <param name="CatalogVersion">Version of the feed catalog used.</param>
/// <param name="Options">The options it ran with.</param>
/// <param name="Quarters">One report per delivered quarter.</param>
/// <param name="Records">Clean feed records over all quarters.</param>
/// <param name="RowsWritten">Feed data rows over all quarters, dirt included.</param>
/// <param name="RecordsPerPersonQuarter">Clean records per roster row per quarter.</param>
public sealed record SimulationReport(
    string Generator,
    string CatalogVersion,
    SettingsEcho Options,
    IReadOnlyList<QuarterReport> Quarters,
    long Records,
    long RowsWritten,
    double RecordsPerPersonQuarter);
