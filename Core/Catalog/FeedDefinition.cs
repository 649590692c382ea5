namespace BlindSpot.Core.Catalog;

/// <summary>One crisis-indicator feed: who delivers it, in what format, what its columns mean and what it is used for.</summary>
public sealed record FeedDefinition
{
    /// <summary>Lower snake-case code; the delivery is <c>raw/&lt;Q&gt;/&lt;source&gt;/&lt;code&gt;.csv</c>, the lake <c>lake/&lt;Q&gt;/&lt;code&gt;/bucket=NNN/part-0.parquet</c>.</summary>
    public required string Code { get; init; }

    public required string NameKo { get; init; }

    public required string NameEn { get; init; }

    /// <summary>Code of the delivering institution.</summary>
    public required string Source { get; init; }

    public required FeedUnit Unit { get; init; }

    /// <summary>A missing required feed fails ingestion; a missing optional one is a warning.</summary>
    public bool Required { get; init; }

    /// <summary>"confirmed" when public sources name the indicator, "plausible" when it is a reasonable stand-in.</summary>
    public string Evidence { get; init; } = "plausible";

    public string Description { get; init; } = "";

    /// <summary>Fields that differ from the source's format, or null.</summary>
    public DeliveryFormat? Delivery { get; init; }

    public IReadOnlyList<Variant> Variants { get; init; } = [];

    /// <summary>Share of rows that may be rejected before the whole feed is failed as a format change. Default 0.02.</summary>
    public double MaxRejectRate { get; init; } = 0.02;

    /// <summary>How many months before the quarter's first day an event date may lie; 3 means inside the quarter. Default 3.</summary>
    public int WindowMonths { get; init; } = 3;

    public IReadOnlyList<ColumnDefinition> Columns { get; init; } = [];

    public IReadOnlyList<FeatureRule> Features { get; init; } = [];

    /// <summary>Korean worklist text with <c>{column}</c> or <c>{column:N0}</c> placeholders.</summary>
    public string Reason { get; init; } = "";

    public SimulationProfile? Simulation { get; init; }

    /// <summary>The key column (always the first).</summary>
    public ColumnDefinition KeyColumn => Columns[0];

    /// <summary>The column with <paramref name="role"/>, or null.</summary>
    public ColumnDefinition? ColumnWithRole(ColumnRole role) => Columns.FirstOrDefault(c => c.Role == role);
}
