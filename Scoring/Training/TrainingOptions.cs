using BlindSpot.Core.Catalog;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Scoring.Training;

/// <summary>
/// What to train and how. Mutable only until <see cref="Validate"/> passes. Trees, leaves, learning rate and min leaf
/// default per variant to the search's best (<see cref="TrainingDefaults"/>) until set.
/// </summary>
public sealed class TrainingOptions
{
    private int? trees;
    private int? leaves;
    private double? learningRate;
    private int? minExamplesPerLeaf;

    public Variant Variant { get; set; } = Variant.Household;

    /// <summary>Quarters whose labels train the model, e.g. 2025Q3..2026Q1.</summary>
    public required QuarterRange Train { get; set; }

    /// <summary>The later quarter the model is judged on; must not overlap <see cref="Train"/>.</summary>
    public required Quarter Valid { get; set; }

    /// <summary>Boosted trees; default <see cref="TrainingDefaults"/> of the variant (100), 1–5,000.</summary>
    public int Trees { get => trees ?? TrainingDefaults.For(Variant).Trees; set => trees = value; }

    /// <summary>Leaves per tree; default of the variant (8), 2–1,024 (PITFALLS: huge values pre-allocate gigabytes).</summary>
    public int Leaves { get => leaves ?? TrainingDefaults.For(Variant).Leaves; set => leaves = value; }

    /// <summary>Shrinkage; default of the variant (household 0.05, child and lonely death 0.025), (0, 1].</summary>
    public double LearningRate { get => learningRate ?? TrainingDefaults.For(Variant).LearningRate; set => learningRate = value; }

    /// <summary>Smallest leaf; default of the variant (200; child 20), 1–100,000.</summary>
    public int MinExamplesPerLeaf { get => minExamplesPerLeaf ?? TrainingDefaults.For(Variant).MinExamplesPerLeaf; set => minExamplesPerLeaf = value; }

    /// <summary>
    /// The MLContext and FastTree seed; default 20260101. Fixed so the same labels give the same model bytes, and
    /// recorded in the model card so any model can be rebuilt.
    /// </summary>
    public int Seed { get; set; } = 20260101;

    /// <summary>
    /// FastTree threads; default 1. One thread is what the determinism guarantee (same data + seed → same model bytes) is
    /// tested with; more threads train faster and are recorded in the card when used.
    /// </summary>
    public int Threads { get; set; } = 1;

    /// <summary>Share of eligible people the variant's quota takes, for precision at k; default from <see cref="Quotas"/>.</summary>
    public double? QuotaShare { get; set; }

    public void Validate()
    {
        Check(Trees is >= 1 and <= 5_000, $"--trees must be 1–5,000; it is {Trees}.");
        Check(Leaves is >= 2 and <= 1_024, $"--leaves must be 2–1,024; it is {Leaves}.");
        Check(LearningRate is > 0 and <= 1, $"--learning-rate must be in (0, 1]; it is {LearningRate}.");
        Check(MinExamplesPerLeaf is >= 1 and <= 100_000, $"MinExamplesPerLeaf must be 1–100,000; it is {MinExamplesPerLeaf}.");
        Check(Threads is >= 1 and <= 64, $"--threads must be 1–64; it is {Threads}.");
        Check(!Train.Contains(Valid), $"--valid {Valid} lies inside --train {Train}: validate on a quarter the model has not seen.");
        Check(QuotaShare is null or (> 0 and < 1), $"The quota share must be in (0, 1); it is {QuotaShare}.");
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
