using System.Globalization;
using BlindSpot.Core.Catalog;
using BlindSpot.Ingestion.Validation;

namespace BlindSpot.Ingestion.Lake;

/// <summary>A catalog <c>double</c> column: a finite decimal number within [min, max]; DOUBLE in the lake.</summary>
internal sealed class DoubleSink : ValueSink<double>
{
    private readonly NumberRange range;

    public DoubleSink(ColumnDefinition column)
        : base(column)
    {
        range = new NumberRange(column);
    }

    protected override string? Parse(ReadOnlySpan<byte> utf8, out double value)
    {
        if (!double.TryParse(utf8, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)
            || !double.IsFinite(value))
        {
            return "is not a decimal number";
        }

        return range.Check(value);
    }
}
