namespace BlindSpot.Scoring.Backtest;

/// <summary>What a fold's list is judged against: the precision of the simulated dispatched list, by one kind of outcome.</summary>
public enum BacktestMetric
{
    /// <summary>The simulator's truth: everyone on the list has an answer (in crisis or not). Only simulated worlds have it.</summary>
    Truth,

    /// <summary>
    /// Reported outcomes: share supported among the listed people who were visited that quarter and have a label. Biased
    /// toward the policy that chose the visits (people nobody visited have no label), but it exists in production.
    /// </summary>
    Labels,

    /// <summary>
    /// Reported outcomes of the random audit sample only: the audited people on a list are a random sample of that list,
    /// so this estimate is unbiased; it is small (audit share × list length).
    /// </summary>
    Audit,
}
