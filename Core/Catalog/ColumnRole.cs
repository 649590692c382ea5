namespace BlindSpot.Core.Catalog;

/// <summary>What a column means, which decides the features derived from it and how the simulator fills it.</summary>
public enum ColumnRole
{
    /// <summary>The resident or household number the record is about; always the first column.</summary>
    Key,

    /// <summary>When the event happened (cut-off date, arrears reference date …); exactly one per feed.</summary>
    EventDate,

    /// <summary>Months in arrears.</summary>
    Months,

    /// <summary>Money owed or spent, in won.</summary>
    Amount,

    /// <summary>How many times (missed vaccinations, visits …).</summary>
    Count,

    /// <summary>How many days (school absence …).</summary>
    Days,

    /// <summary>A kind of event, from the column's code list.</summary>
    Category,

    /// <summary>A measured quantity such as a percent change.</summary>
    Measure,
}
