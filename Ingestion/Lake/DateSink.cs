using BlindSpot.Core.Catalog;
using BlindSpot.Core.Quarters;
using BlindSpot.Ingestion.Validation;

namespace BlindSpot.Ingestion.Lake;

/// <summary>
/// A catalog <c>date</c> column in the feed's date format and inside its <see cref="DateWindow"/>; DATE (logical type,
/// days since 1970) in the lake. Counts dates outside the window by quarter, to tell a file for another quarter.
/// </summary>
internal sealed class DateSink : ValueSink<DateOnly>
{
    private readonly string format;
    private readonly DateWindow window;
    private readonly string badFormat;
    private readonly Dictionary<Quarter, long> outsideByQuarter = [];

    public DateSink(ColumnDefinition column, string format, DateWindow window)
        : base(column)
    {
        this.format = format;
        this.window = window;
        badFormat = $"is not a real date written {format}";
    }

    /// <summary>Rows whose date parsed but lay outside the window, by the quarter the date falls in.</summary>
    public IReadOnlyDictionary<Quarter, long> OutsideByQuarter => outsideByQuarter;

    /// <summary>Valid dates that fall in the run's quarter itself (not the earlier months a wider window allows).</summary>
    public long InQuarter { get; private set; }

    protected override string? Parse(ReadOnlySpan<byte> utf8, out DateOnly value)
    {
        if (!DateText.TryParse(utf8, format, out value))
        {
            return badFormat;
        }

        if (window.Contains(value))
        {
            if (value >= window.QuarterStart)
            {
                InQuarter++;
            }

            return null;
        }

        if (value.Year is >= Quarter.MinYear and <= Quarter.MaxYear)
        {
            var quarter = Quarter.Containing(value);
            outsideByQuarter[quarter] = outsideByQuarter.GetValueOrDefault(quarter) + 1;
        }

        return window.Reason;
    }
}
