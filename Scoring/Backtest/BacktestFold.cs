using BlindSpot.Core.Quarters;

namespace BlindSpot.Scoring.Backtest;

/// <summary>
/// One fold of the temporal backtest: every recipe trained on <see cref="Train"/>'s labels, the test quarter's eligible
/// people ranked by it, the ranking put through Dispatch's selection, and the variant's list measured.
/// </summary>
public sealed record BacktestFold(Quarter Test, string Train, int TrainRows, int TrainPositives, IReadOnlyList<FoldScore> Scores)
{
    /// <summary>Who is on which list and their outcomes, for paired comparisons.</summary>
    internal FoldPeople People { get; init; } = new([], [], [], [], []);

    public bool HasTruth => Scores.All(s => s.Truth is not null);
}
