using System.Globalization;

namespace BlindSpot.Scoring.Backtest;

/// <summary>
/// What the promotion gate found: the candidate's and the live model's recipes on the same backtest folds, by the
/// backtest's primary metric, with the paired 95 % interval of the difference; <see cref="Refuses"/> when the candidate
/// is worse beyond noise. <see cref="Audit"/> is the same comparison on the audit labels only (unbiased, small), shown
/// beside it and never deciding. Immutable.
/// </summary>
/// <param name="AuditShareNeeded">The audit share of the eligible that would detect this difference on its own (<see cref="AuditPower"/>).</param>
public sealed record GateDecision(PairedComparison Comparison, PairedComparison? Audit, int Listed, string FoldQuarters, double AuditShareNeeded)
{
    public bool Refuses => Comparison.WorseBeyondNoise;

    /// <summary>One line for the console and the live pointer's note.</summary>
    public string Text
    {
        get
        {
            var c = Comparison;
            var line = string.Create(CultureInfo.InvariantCulture,
                $"backtest {Describe(c.Metric)} at the dispatch k (~{Listed:N0} listed), {c.Folds} fold(s) {FoldQuarters}: candidate {c.ValueA:F4}, live {c.ValueB:F4}, difference {c.Difference:+0.0000;-0.0000;0.0000} [{c.Low:+0.0000;-0.0000;0.0000}, {c.High:+0.0000;-0.0000;0.0000}] (95 %, paired bootstrap over people, {c.Resamples:N0} resamples); candidate lower on {c.FoldsBelow} of {c.Folds} folds");
            line += c.WorseBeyondNoise ? " — worse beyond noise" : c.BetterBeyondNoise ? " — better beyond noise" : " — within noise";
            if (Audit is { } a)
            {
                line += string.Create(CultureInfo.InvariantCulture, $"; audit only {a.ValueA:F4} vs {a.ValueB:F4} [{a.Low:+0.000;-0.000;0.000}, {a.High:+0.000;-0.000;0.000}]");
            }

            if (!double.IsInfinity(AuditShareNeeded))
            {
                line += string.Create(CultureInfo.InvariantCulture, $"; an audit of {AuditShareNeeded:P2} of the eligible would detect this difference (80 % power)");
            }

            return line;
        }
    }

    public static string Describe(BacktestMetric metric) => metric switch
    {
        BacktestMetric.Truth => "precision of the dispatched list against the truth",
        BacktestMetric.Labels => "share supported among the dispatched list's labelled people",
        _ => "share supported among the dispatched list's audited people",
    };
}
