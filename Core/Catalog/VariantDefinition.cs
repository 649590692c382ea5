namespace BlindSpot.Core.Catalog;

/// <summary>A variant's display name and meaning, as the catalog describes it.</summary>
public sealed record VariantDefinition(string NameKo, string Description);
