namespace BlindSpot.Scoring.Backtest;

/// <summary>
/// How large a random audit must be to tell two models apart on their dispatched lists. Both lists have length k; an
/// audit visits each eligible person with probability s, so the audited members of a list are a random sample of it and
/// the audit estimates the difference of the two lists' precision by (1 / s·k) · Σ over audited people of
/// (on A − on B) × supported. Only people on exactly one list who are positive move that sum; with D⁺ of them, its
/// variance is about s·D⁺, so the estimate's standard error is √(D⁺ / s) / k per fold, and over F folds (averaged)
/// √(D⁺ / (F·s)) / k. Detecting a difference Δ with a two-sided test at level α and power 1 − β needs
/// (z₁₋α/₂ + z₁₋β) · SE ≤ Δ, that is
/// <c>s ≥ (z₁₋α/₂ + z₁₋β)² · D⁺ / (F · (Δ·k)²)</c>. With α = 0.05 and power 0.8 the factor is (1.960 + 0.842)² = 7.85.
/// </summary>
public static class AuditPower
{
    /// <summary>(z₀.₉₇₅ + z₀.₈)²: 5 % two-sided, 80 % power.</summary>
    public const double Factor = 7.849;

    /// <summary>The audit share (of the eligible) needed to detect <paramref name="difference"/> between two lists of length <paramref name="listed"/>.</summary>
    /// <param name="discordantPositives">Per fold, positives on exactly one of the two lists (D⁺).</param>
    public static double RequiredShare(int listed, double discordantPositives, double difference, int folds = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(listed, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 1);
        if (difference == 0)
        {
            return double.PositiveInfinity;
        }

        var scaled = Math.Abs(difference) * listed;
        return Factor * discordantPositives / (folds * scaled * scaled);
    }

    /// <summary>The smallest difference an audit of <paramref name="share"/> detects (80 % power, 5 % two-sided).</summary>
    public static double DetectableDifference(int listed, double discordantPositives, double share, int folds = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(listed, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(share);
        return Math.Sqrt(Factor * discordantPositives / (folds * share)) / listed;
    }

    /// <summary>Mean over folds of the positives (by <paramref name="metric"/>) on exactly one of lists <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static double DiscordantPositives(BacktestResult result, BacktestMetric metric, int a, int b)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Folds.Count == 0)
        {
            return 0;
        }

        var bits = (1UL << a) | (1UL << b);
        return result.Folds.Average(f =>
        {
            var count = 0;
            for (var i = 0; i < f.People.Count; i++)
            {
                var on = f.People.Member[i] & bits;
                count += on != 0 && on != bits && f.People.Outcome(metric, i) == 1 ? 1 : 0;
            }

            return count;
        });
    }
}
