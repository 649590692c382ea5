using BlindSpot.Core.Catalog;

namespace BlindSpot.Simulation.Deliveries;

/// <summary>One delivered column, prepared for the hot loop: role, type, range and pre-encoded codes with their weights.</summary>
internal sealed class ColumnPlan
{
    public ColumnPlan(ColumnDefinition column, System.Text.Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(column);
        Role = column.Role ?? ColumnRole.Key;
        Type = column.Type;
        Min = column.Min ?? 0;
        Max = column.Max ?? 0;
        var codes = column.Values?.Keys.ToArray() ?? [];
        Codes = [.. codes.Select(c => DeliveryFile.Encode(c, encoding))];

        // Fixed weights 1, 1/2, 1/3 …: the first code listed is the most common, as code lists are usually ordered.
        var weights = codes.Select((_, i) => 1.0 / (i + 1)).ToArray();
        var total = weights.Sum();
        var running = 0.0;
        CumulativeWeights = [.. weights.Select(w => running += w / total)];
    }

    public ColumnRole Role { get; }

    public ColumnType Type { get; }

    public double Min { get; }

    public double Max { get; }

    public IReadOnlyList<byte[]> Codes { get; }

    public double[] CumulativeWeights { get; }

    public bool IsNumeric => Type is ColumnType.Int or ColumnType.Long or ColumnType.Double;
}
