using System.Globalization;
using BlindSpot.Core.Catalog;

namespace BlindSpot.Ingestion.Validation;

/// <summary>A column's catalog [min, max], with its reject reason built once rather than per bad row.</summary>
internal sealed class NumberRange
{
    private readonly double min;
    private readonly double max;
    private readonly string reason;

    public NumberRange(ColumnDefinition column)
    {
        min = column.Min ?? double.NegativeInfinity;
        max = column.Max ?? double.PositiveInfinity;
        reason = string.Create(CultureInfo.InvariantCulture, $"is outside the catalog's range [{column.Min?.ToString(CultureInfo.InvariantCulture) ?? "-∞"}, {column.Max?.ToString(CultureInfo.InvariantCulture) ?? "∞"}]");
    }

    /// <summary>Null when <paramref name="value"/> is within range, else the reason.</summary>
    public string? Check(double value) => value >= min && value <= max ? null : reason;
}
