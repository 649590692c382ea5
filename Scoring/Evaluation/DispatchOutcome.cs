using BlindSpot.Core.Catalog;

namespace BlindSpot.Scoring.Evaluation;

/// <summary>A quarter's simulated dispatch measured: every list's figures, and the model's lists and who is in crisis, kept for group parity.</summary>
internal sealed record DispatchOutcome(IReadOnlyList<DispatchedList> Lists, int WithoutTruth, IReadOnlyDictionary<Variant, IReadOnlyList<long>> ModelLists,
    IReadOnlyDictionary<Variant, HashSet<long>> InCrisis);
