namespace BlindSpot.Core.Catalog;

/// <summary>A feature the Features stage derives from a feed; each needs a column of a given role.</summary>
public enum FeatureRule
{
    /// <summary>1 when the person or household has any record this quarter.</summary>
    Presence,

    /// <summary>Number of records.</summary>
    Count,

    /// <summary>Largest arrears months (needs a Months column).</summary>
    MaxMonths,

    /// <summary>Arrears months of the latest record (needs a Months column).</summary>
    LatestMonths,

    /// <summary>log(1 + largest amount) (needs an Amount column).</summary>
    LogAmount,

    /// <summary>log(1 + sum of amounts) (needs an Amount column).</summary>
    SumLogAmount,

    /// <summary>Months from the latest event date to the quarter's as-of date.</summary>
    MonthsSinceLatest,

    /// <summary>Largest day count (needs a Days column).</summary>
    MaxDays,

    /// <summary>Largest count (needs a Count column).</summary>
    MaxCount,

    /// <summary>Mean of the measure (needs a Measure column).</summary>
    MeanMeasure,

    /// <summary>Smallest measure (needs a Measure column).</summary>
    MinMeasure,
}
