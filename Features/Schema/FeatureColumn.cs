using BlindSpot.Core.Catalog;

namespace BlindSpot.Features.Schema;

/// <summary>One float32 feature column: its name in the Parquet file and the model, what it means, and where it comes from.</summary>
public sealed record FeatureColumn(string Name, FeatureKind Kind, string Description)
{
    /// <summary>For <see cref="FeatureKind.Feed"/> and per-feed <see cref="FeatureKind.History"/>: the feed's code.</summary>
    public string? Feed { get; init; }

    /// <summary>For <see cref="FeatureKind.Feed"/>: the catalog rule.</summary>
    public FeatureRule? Rule { get; init; }

    /// <summary>For per-feed <see cref="FeatureKind.History"/>: what is taken over the window.</summary>
    public HistoryRule? History { get; init; }

    /// <summary>The value a person without any record of the feed gets.</summary>
    public float NoRecordValue { get; init; }
}
