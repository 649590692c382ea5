namespace BlindSpot.Simulation.Reporting;

/// <summary>What was written for one feed in one quarter.</summary>
/// <param name="Feed">Feed code.</param>
/// <param name="Source">Delivering institution.</param>
/// <param name="EligibleUnits">People or households the feed could report on.</param>
/// <param name="Records">Clean records (first records and repeats).</param>
/// <param name="RowsWritten">Data rows in the file: clean records plus dirt.</param>
/// <param name="Dirt">Injected dirt rows by kind.</param>
public sealed record FeedReport(string Feed, string Source, long EligibleUnits, long Records, long RowsWritten, DirtCounts Dirt);
