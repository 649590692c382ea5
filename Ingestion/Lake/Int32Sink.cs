using System.Globalization;
using BlindSpot.Core.Catalog;
using BlindSpot.Ingestion.Validation;

namespace BlindSpot.Ingestion.Lake;

/// <summary>A catalog <c>int</c> column: a 32-bit integer within [min, max]; INT32 in the lake.</summary>
internal sealed class Int32Sink : ValueSink<int>
{
    private readonly NumberRange range;

    public Int32Sink(ColumnDefinition column)
        : base(column)
    {
        range = new NumberRange(column);
    }

    protected override string? Parse(ReadOnlySpan<byte> utf8, out int value)
    {
        if (!int.TryParse(utf8, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return "is not a whole number (32-bit)";
        }

        return range.Check(value);
    }
}
