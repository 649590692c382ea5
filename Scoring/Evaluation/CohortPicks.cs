using BlindSpot.Core.Catalog;

namespace BlindSpot.Scoring.Evaluation;

/// <summary>The people a catalog rule cohort put on its variant's list in a simulated dispatch, in the order chosen.</summary>
public sealed record CohortPicks(string Code, Variant Variant, IReadOnlyList<long> Keys);
