using BlindSpot.Scoring.Metrics;

namespace BlindSpot.Scoring.Evaluation;

/// <summary>
/// Population-level calibration from the random audit: the audited people are a random sample of the eligible, so the
/// mean score over them estimates the population's mean "supported if visited" probability and their observed supported
/// rate (with its 95 % Wilson interval) estimates the real one. <see cref="Meaningful"/> only with at least
/// <see cref="MinimumPerClass"/> of each outcome; below that the figures are shown and not judged.
/// </summary>
public sealed record AuditCalibration(int Rows, int Positives, double MeanScore, double ObservedRate, double ObservedLow, double ObservedHigh, bool Meaningful)
{
    public const int MinimumPerClass = 10;

    /// <summary>Observed ÷ predicted: the factor that would calibrate the scores to the eligible population (intercept only).</summary>
    public double Ratio => MeanScore == 0 ? double.NaN : ObservedRate / MeanScore;

    /// <summary>True when the observed rate's interval excludes the mean score: the scores are off for the population.</summary>
    public bool Miscalibrated => Meaningful && (MeanScore < ObservedLow || MeanScore > ObservedHigh);

    public static AuditCalibration Of(float[] scores, bool[] labels, bool[] audit)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(audit);
        int rows = 0, positives = 0;
        double sum = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (audit[i])
            {
                rows++;
                positives += labels[i] ? 1 : 0;
                sum += scores[i];
            }
        }

        var (low, high) = WilsonInterval.Of(positives, rows);
        return new AuditCalibration(rows, positives, rows == 0 ? 0 : sum / rows, rows == 0 ? 0 : (double)positives / rows, low, high,
            positives >= MinimumPerClass && rows - positives >= MinimumPerClass);
    }
}
