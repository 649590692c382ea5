using BlindSpot.Core.Catalog;

namespace BlindSpot.Scoring.Training;

/// <summary>
/// <c>train</c>'s default FastTree settings per variant: the best recipe of the backtest search at 1,000,000 people
/// (<c>bench/train-search.sh</c>; the tables are in docs/BENCHMARKS.md, "The backtest search behind train's defaults"), scored on the
/// precision of the dispatched list against the truth over three folds. The old single default, 200 trees × 31 leaves
/// at learning rate 0.1, was the worst or next to worst of the grid in every variant.
/// </summary>
public sealed record TrainingDefaults(int Trees, int Leaves, double LearningRate, int MinExamplesPerLeaf)
{
    /// <summary>Household: leaves of at least 200 examples beat 20 by 0.018 [0.014, 0.021] at 100 × 8, learning rate 0.05.</summary>
    public static readonly TrainingDefaults Household = new(100, 8, 0.05, 200);

    /// <summary>Child: a slower learning rate (0.025) beat 0.05 by 0.006 and min leaf 200 by 0.026; fewer labels, smaller leaves.</summary>
    public static readonly TrainingDefaults Child = new(100, 8, 0.025, 20);

    /// <summary>
    /// Lonely death: the best mean (0.047) at 100 × 8, learning rate 0.025, min leaf 200, but every recipe of 100 trees and
    /// 8 leaves is within ±0.002 of it (the list is capped by the household list that chooses before it); 200 × 31 is 0.025.
    /// </summary>
    public static readonly TrainingDefaults LonelyDeath = new(100, 8, 0.025, 200);

    public static TrainingDefaults For(Variant variant) => variant switch
    {
        Variant.Household => Household,
        Variant.Child => Child,
        _ => LonelyDeath,
    };
}
