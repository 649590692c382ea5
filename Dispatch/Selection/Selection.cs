using BlindSpot.Core.Catalog;

namespace BlindSpot.Dispatch.Selection;

/// <summary>One person chosen for a variant's worklist: their roster row, score, and place in the national list (1 = first chosen).</summary>
internal sealed record Selection(Variant Variant, int Person, ScoredPerson Scored, int Position, int Quota)
{
    /// <summary>The rule cohort that listed the person, or null when the model did.</summary>
    public RuleCohort? Cohort { get; init; }
}
