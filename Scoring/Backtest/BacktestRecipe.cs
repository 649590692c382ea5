using System.Globalization;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Quarters;
using BlindSpot.Scoring.Models;
using BlindSpot.Scoring.Training;

namespace BlindSpot.Scoring.Backtest;

/// <summary>
/// How a model is trained, without the data: what the backtest refits on every fold. Two models are compared by their
/// recipes, each refitted on the same training window and tested on the same later quarter, because the models themselves
/// were trained on different windows (the live one often on the very quarters a fold tests). Immutable.
/// </summary>
public sealed record BacktestRecipe(string Name, int Trees, int Leaves, double LearningRate, int MinExamplesPerLeaf, int Seed)
{
    /// <summary>The recipe a model card records (its parameters and seed).</summary>
    public static BacktestRecipe Of(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var p = card.Parameters;
        return new BacktestRecipe($"{card.Variant}/{card.Version}", p.Trees, p.Leaves, p.LearningRate, p.MinExamplesPerLeaf, card.Seed);
    }

    /// <summary>The recipe of training options (named by its settings).</summary>
    public static BacktestRecipe Of(TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var name = string.Create(CultureInfo.InvariantCulture, $"{options.Trees}x{options.Leaves} lr {options.LearningRate} min {options.MinExamplesPerLeaf}");
        return new BacktestRecipe(name, options.Trees, options.Leaves, options.LearningRate, options.MinExamplesPerLeaf, options.Seed);
    }

    /// <summary>Training options for one fold: train on <paramref name="train"/>, validate on <paramref name="test"/>, one thread.</summary>
    public TrainingOptions Options(Variant variant, QuarterRange train, Quarter test) => new()
    {
        Variant = variant,
        Train = train,
        Valid = test,
        Trees = Trees,
        Leaves = Leaves,
        LearningRate = LearningRate,
        MinExamplesPerLeaf = MinExamplesPerLeaf,
        Seed = Seed,
    };

    /// <summary>Same settings (the name aside): two such recipes give the same model on every fold.</summary>
    public bool SameSettings(BacktestRecipe other) =>
        other is not null && Trees == other.Trees && Leaves == other.Leaves && LearningRate.Equals(other.LearningRate) && MinExamplesPerLeaf == other.MinExamplesPerLeaf && Seed == other.Seed;
}
