using BlindSpot.Core.Catalog;

namespace BlindSpot.Simulation.Dispatches;

/// <summary>One past dispatch: who was sent to the municipality, for which variant, why, and the contact person.</summary>
/// <param name="Variant">The variant's list it was on.</param>
/// <param name="Person">Person id of the contact (the household head for the household variant).</param>
/// <param name="ByAudit">True for the random audit sample, false for the rule baseline.</param>
/// <param name="Score">Rule score: distinct feeds of the variant with a record.</param>
internal sealed record DispatchEntry(Variant Variant, int Person, bool ByAudit, int Score);
