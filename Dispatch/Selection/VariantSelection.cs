using BlindSpot.Core.Catalog;

namespace BlindSpot.Dispatch.Selection;

/// <summary>A variant's selections, the quota it aimed for, and how many ranked people were passed over and why.</summary>
internal sealed record VariantSelection(Variant Variant, int Quota, IReadOnlyList<Selection> Selected, IReadOnlyDictionary<ExclusionReason, int> Excluded, string ModelVersion)
{
    /// <summary>The variant's rule cohorts, in catalog order (none when the catalog defines none for it).</summary>
    public IReadOnlyList<CohortSelection> Cohorts { get; init; } = [];
}
