namespace BlindSpot.Simulation.Reporting;

/// <summary>What was written for one feed in one quarter.</summary>
/// <param name="Feed">Feed code.</param>
/// <param name="Source">Delivering institution.</param>
/// <param name="EligibleUnits">People or households the feed could report on.</param>
/// <param name="Records">Clean records (first records and repeats, late ones included).</param>
/// <param name="RowsWritten">Data rows in the file: clean records plus dirt.</param>
/// <param name="Dirt">Injected dirt rows by kind.</param>
public sealed record FeedReport(string Feed, string Source, long EligibleUnits, long Records, long RowsWritten, DirtCounts Dirt)
{
    /// <summary>Units whose crisis-driven record was lost: their 시군구 missed by the institution this quarter, or outside its coverage.</summary>
    public long Lost { get; init; }

    /// <summary>Records of the previous quarter delivered late with this one (counted in <see cref="Records"/>).</summary>
    public long Late { get; init; }
}
