namespace BlindSpot.Simulation.Reporting;

/// <summary>What the simulator wrote for one quarter.</summary>
/// <param name="Quarter">e.g. 2026Q3.</param>
/// <param name="RosterRows">Rows of the roster delivery: residents plus those who died or moved out during the quarter.</param>
/// <param name="Residents">People with status R.</param>
/// <param name="Households">Households with at least one roster member.</param>
/// <param name="SinglePersonHouseholds">Households of exactly one roster member.</param>
/// <param name="Demography">Deaths, moves and arrivals of the quarter.</param>
/// <param name="Truth">Hidden-truth counts.</param>
/// <param name="Records">Clean feed records over all feeds.</param>
/// <param name="RowsWritten">Feed data rows over all feeds, dirt included.</param>
/// <param name="RecordsPerPerson">Clean records per roster row.</param>
/// <param name="Feeds">Per feed, in catalog order.</param>
/// <param name="Dispatches">Per variant; empty for the last quarter, which is "now".</param>
public sealed record QuarterReport(
    string Quarter,
    long RosterRows,
    long Residents,
    long Households,
    long SinglePersonHouseholds,
    Demography Demography,
    TruthCounts Truth,
    long Records,
    long RowsWritten,
    double RecordsPerPerson,
    IReadOnlyList<FeedReport> Feeds,
    IReadOnlyList<DispatchReport> Dispatches)
{
    /// <summary>The households supported in the previous quarter, as they stand now (no households in the first quarter).</summary>
    public InterventionReport? Intervention { get; init; }

    /// <summary>People in crisis (household variant) in households no institution sees: they have no feed record at all.</summary>
    public long InvisibleInCrisis { get; init; }
}
