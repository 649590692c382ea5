namespace BlindSpot.Scoring.Data;

/// <summary>One feature as the feature manifest lists it; <see cref="Kind"/> is person, household, change or feed.</summary>
public sealed record FeatureInfo(string Name, string Kind)
{
    /// <summary>Feed features have a Korean reason template in the catalog, so Dispatch can render them for officials.</summary>
    public bool IsFeed => string.Equals(Kind, "feed", StringComparison.OrdinalIgnoreCase);
}
