namespace BlindSpot.Scoring.Evaluation;

/// <summary>How every report, card and chart names the score, so it is called the same thing everywhere.</summary>
public static class ScoreText
{
    /// <summary>Short axis and column label.</summary>
    public const string Label = "P(supported if visited)";

    public const string Meaning =
        "P(supported if visited): the probability that a municipal visit to this person ends in support, fitted (Platt) on " +
        "the people visited in the training quarters. It ranks everyone; it is not the chance of being in crisis, and for the " +
        "whole eligible population it is too high, because the visited were chosen for their signals (the audit row below checks it).";
}
