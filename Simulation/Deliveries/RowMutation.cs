namespace BlindSpot.Simulation.Deliveries;

/// <summary>How a dirt copy of a record is damaged.</summary>
internal enum RowMutation
{
    None,

    /// <summary>A number above its column's max, or a code not on the list.</summary>
    OutOfRange,

    /// <summary>The resident number's last digit changed.</summary>
    BadCheckDigit,

    /// <summary>A valid number no roster holds (serials ≥ 90000, household counters ≥ 900000).</summary>
    UnknownKey,
}
