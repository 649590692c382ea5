namespace BlindSpot.Scoring.Metrics;

/// <summary>
/// How well a score ranks one labelled set. <see cref="K"/> is the quota share of the rows (the quota scaled to the
/// set), so on the random audit sample precision at K estimates precision at the real quota. Immutable.
/// </summary>
public sealed record BinaryMetrics(int Rows, int Positives, double Auc, double PrAuc, int K, double PrecisionAtK, double RecallAtK, double Brier)
{
    /// <summary>Metrics of <paramref name="scores"/> (probabilities, or any ranking score: Brier is then meaningless) against <paramref name="labels"/>.</summary>
    public static BinaryMetrics Compute(ReadOnlySpan<float> scores, ReadOnlySpan<bool> labels, ReadOnlySpan<long> keys, double quotaShare)
    {
        var rows = scores.Length;
        var order = RankOrder.Descending(scores, keys);
        var positives = 0;
        foreach (var label in labels)
        {
            positives += label ? 1 : 0;
        }

        var k = Math.Clamp((int)Math.Round(quotaShare * rows, MidpointRounding.AwayFromZero), Math.Min(1, rows), rows);
        int hits = 0, hitsAtK = 0;
        double averagePrecision = 0, brier = 0;
        for (var i = 0; i < rows; i++)
        {
            var row = order[i];
            if (labels[row])
            {
                hits++;
                averagePrecision += (double)hits / (i + 1);
            }

            if (i + 1 == k)
            {
                hitsAtK = hits;
            }

            var error = scores[row] - (labels[row] ? 1.0 : 0.0);
            brier += error * error;
        }

        return new BinaryMetrics(
            rows,
            positives,
            RocAuc(scores, labels, positives),
            positives == 0 ? 0 : averagePrecision / positives,
            k,
            k == 0 ? 0 : (double)hitsAtK / k,
            positives == 0 ? 0 : (double)hitsAtK / positives,
            rows == 0 ? 0 : brier / rows);
    }

    /// <summary>Area under the ROC curve as the Mann–Whitney statistic, ties counted half; 0.5 when a class is missing.</summary>
    private static double RocAuc(ReadOnlySpan<float> scores, ReadOnlySpan<bool> labels, int positives)
    {
        var negatives = scores.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return 0.5;
        }

        var sorted = new (float Score, bool Label)[scores.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = (scores[i], labels[i]);
        }

        Array.Sort(sorted, (a, b) => a.Score.CompareTo(b.Score));
        double rankSum = 0;
        for (var i = 0; i < sorted.Length;)
        {
            var j = i;
            while (j < sorted.Length && sorted[j].Score == sorted[i].Score)
            {
                j++;
            }

            var averageRank = ((i + 1) + j) / 2.0;
            for (var m = i; m < j; m++)
            {
                rankSum += sorted[m].Label ? averageRank : 0;
            }

            i = j;
        }

        return (rankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }
}
