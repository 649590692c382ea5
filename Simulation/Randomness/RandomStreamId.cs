namespace BlindSpot.Simulation.Randomness;

/// <summary>
/// The independent random streams of the simulator. Each purpose draws from its own stream, so changing one
/// setting (say, the dirt rates) never shifts the draws of another (the clean records).
/// </summary>
internal enum RandomStreamId : ulong
{
    Households = 1,
    Serials = 2,
    Latent = 3,
    Deaths = 4,
    Moves = 5,
    Births = 6,
    MoversIn = 7,

    /// <summary>Feed records; the entity is the feed's catalog index.</summary>
    Feed = 8,

    /// <summary>Dirt in feed files; the entity is the feed's catalog index.</summary>
    Dirt = 9,
    Names = 10,
    Addresses = 11,
    Phones = 12,
    DispatchTieBreak = 13,
    Audit = 14,
    Outcomes = 15,
    Benefits = 16,

    /// <summary>
    /// Chronic non-payers: which households are (no quarter), which standing records each holds (entity = feed and unit,
    /// no quarter, so the record's values stay the same) and whether a standing record is delivered in a quarter.
    /// </summary>
    Chronic = 17,

    /// <summary>Which households no institution sees (entity = household, no quarter: fixed for the run).</summary>
    Invisible = 18,

    /// <summary>An institution missing a 시군구 in a quarter (entity = source and 시군구), and whether it arrives late.</summary>
    Outage = 19,

    /// <summary>Each institution's coverage of each 시도 (no quarter), and whether a unit's record is lost to a coverage gap.</summary>
    Coverage = 20,

    /// <summary>Whether a unit of a late delivery had a record in the quarter the delivery belongs to.</summary>
    Late = 21,

    /// <summary>Whether a household in crisis was supported in a burn-in quarter (entity = household).</summary>
    BurnInSupport = 22,
}
