using BlindSpot.Core.Catalog;

namespace BlindSpot.Dispatch.Outcomes;

/// <summary>One dispatched person as the quarter's register records them: what an outcome row is checked against.</summary>
internal sealed record RegisterEntry(string? WorklistId, Variant Variant, string ResidentNumber, string SigunguCode, string SelectedBy);
