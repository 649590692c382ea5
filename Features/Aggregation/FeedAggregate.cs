using BlindSpot.Core.Catalog;

namespace BlindSpot.Features.Aggregation;

/// <summary>
/// One feed's records of a quarter folded to one entry per unit (person or household) that has any, in ascending dense
/// index order: a sparse column per feature rule. Most people have no record of most feeds, so this is where memory is saved.
/// </summary>
internal sealed class FeedAggregate
{
    public required FeedDefinition Feed { get; init; }

    /// <summary>Dense person indices (person feeds) or household indices (household feeds), ascending.</summary>
    public required int[] Units { get; init; }

    /// <summary>One array per rule of <see cref="FeedDefinition.Features"/>, aligned with <see cref="Units"/>.</summary>
    public required float[][] RuleValues { get; init; }

    /// <summary>Largest arrears months per unit, or null when the feed has no months column (for "worsened" changes).</summary>
    public float[]? MaxMonths { get; init; }

    /// <summary>Records per unit, or null when the feed has no measure column (for the history window's measures).</summary>
    public int[]? RecordCount { get; init; }

    /// <summary>Sum of the measured values per unit, or null when the feed has no measure column.</summary>
    public float[]? MeasureSum { get; init; }

    /// <summary>Smallest measured value per unit, or null when the feed has no measure column.</summary>
    public float[]? MeasureMin { get; init; }

    /// <summary>Sum of amounts per unit, or null when the feed has no amount column (for household arrears).</summary>
    public float[]? SumAmount { get; init; }

    /// <summary>Rows read from the lake file.</summary>
    public long Rows { get; init; }

    /// <summary>Rows whose key is not on this quarter's roster: counted, not used.</summary>
    public long UnknownKeys { get; init; }

    /// <summary>False when the lake file is absent (an optional feed not delivered): no unit has a record.</summary>
    public bool Present { get; init; } = true;

    public static FeedAggregate Absent(FeedDefinition feed) => new()
    {
        Feed = feed,
        Units = [],
        RuleValues = [.. feed.Features.Select(_ => Array.Empty<float>())],
        Present = false,
    };

    /// <summary>First position in <see cref="Units"/> whose unit is ≥ <paramref name="unit"/>.</summary>
    public int LowerBound(int unit)
    {
        var position = Array.BinarySearch(Units, unit);
        return position >= 0 ? position : ~position;
    }
}
