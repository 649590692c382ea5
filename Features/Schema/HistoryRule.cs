namespace BlindSpot.Features.Schema;

/// <summary>
/// What a history feature takes from one feed over the window of the last four quarters (this quarter and up to three
/// earlier lakes; a missing earlier quarter counts as "no record"). Windows of 1 and 2 quarters follow from these and the
/// feed's presence: records in the last 2 = (<see cref="QuartersIn4"/> + <see cref="Trend"/>) / 2.
/// </summary>
public enum HistoryRule
{
    /// <summary>Quarters of the last four with a record (0–4).</summary>
    QuartersIn4,

    /// <summary>Quarters with a record among the last two minus among the two before (−2…2): rising or fading.</summary>
    Trend,

    /// <summary>Quarters in a row with a record, ending this quarter (0–4; 0 when none this quarter).</summary>
    Streak,

    /// <summary>Largest arrears months over the four quarters (feeds with a months column).</summary>
    MaxMonthsIn4,

    /// <summary>Smallest measured value over the four quarters (feeds with a measure column).</summary>
    MinMeasureIn4,

    /// <summary>
    /// Sum of the measured values over the four quarters (feeds with a measure column). For 1인가구 전력사용량 변화, whose
    /// measure is a quarter's change in use, this is the change in electricity use over the window.
    /// </summary>
    SumMeasureIn4,
}
