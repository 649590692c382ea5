using System.Globalization;
using BlindSpot.Core.Catalog;
using BlindSpot.Ingestion.Validation;

namespace BlindSpot.Ingestion.Lake;

/// <summary>A catalog <c>long</c> column (money in won): a 64-bit integer within [min, max]; INT64 in the lake.</summary>
internal sealed class Int64Sink : ValueSink<long>
{
    private readonly NumberRange range;

    public Int64Sink(ColumnDefinition column)
        : base(column)
    {
        range = new NumberRange(column);
    }

    protected override string? Parse(ReadOnlySpan<byte> utf8, out long value)
    {
        if (!long.TryParse(utf8, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return "is not a whole number (64-bit)";
        }

        return range.Check(value);
    }
}
