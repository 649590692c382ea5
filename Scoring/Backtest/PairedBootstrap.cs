namespace BlindSpot.Scoring.Backtest;

/// <summary>
/// The paired bootstrap over people: each resample draws a Poisson(1) weight for every person on either list of a fold
/// (the same weight for both lists, which is the pairing), recomputes both lists' precision as weighted hits / weighted
/// known, averages each over the folds and keeps the difference; the 2.5th and 97.5th percentiles are the interval.
/// People on neither list add nothing to either precision, so only the union is drawn. The draws come from a seeded
/// SplitMix64 stream: the same folds and seed give the same interval.
/// </summary>
public static class PairedBootstrap
{
    /// <summary>Default resamples: enough for stable 2.5 % tails (25 resamples beyond each end).</summary>
    public const int DefaultResamples = 1_000;

    public static PairedComparison? Compare(BacktestResult result, BacktestMetric metric, int a, int b, int resamples = DefaultResamples, ulong seed = 20260101)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 100);
        var folds = result.Folds.Where(f => f.Scores[a].Of(metric)?.Known > 0 && f.Scores[b].Of(metric)?.Known > 0).ToList();
        if (folds.Count == 0)
        {
            return null;
        }

        var valueA = folds.Average(f => f.Scores[a].Of(metric)!.Value);
        var valueB = folds.Average(f => f.Scores[b].Of(metric)!.Value);
        var differences = new double[resamples];
        var state = seed;
        for (var s = 0; s < resamples; s++)
        {
            var sum = 0.0;
            foreach (var fold in folds)
            {
                sum += Resample(fold.People, metric, a, b, ref state);
            }

            differences[s] = sum / folds.Count;
        }

        Array.Sort(differences);
        return new PairedComparison(metric, result.Recipes[a].Name, result.Recipes[b].Name, valueA, valueB,
            Percentile(differences, 0.025), Percentile(differences, 0.975), folds.Count, resamples)
        {
            FoldsBelow = folds.Count(f => f.Scores[a].Of(metric)!.Value < f.Scores[b].Of(metric)!.Value),
        };
    }

    /// <summary>One resample of one fold: precision of list A minus list B under Poisson(1) weights.</summary>
    private static double Resample(FoldPeople people, BacktestMetric metric, int a, int b, ref ulong state)
    {
        double knownA = 0, hitsA = 0, knownB = 0, hitsB = 0;
        var bitA = 1UL << a;
        var bitB = 1UL << b;
        for (var i = 0; i < people.Count; i++)
        {
            var outcome = people.Outcome(metric, i);
            if (outcome < 0)
            {
                continue;
            }

            var weight = Poisson(ref state);
            if ((people.Member[i] & bitA) != 0)
            {
                knownA += weight;
                hitsA += weight * outcome;
            }

            if ((people.Member[i] & bitB) != 0)
            {
                knownB += weight;
                hitsB += weight * outcome;
            }
        }

        return (knownA == 0 ? 0 : hitsA / knownA) - (knownB == 0 ? 0 : hitsB / knownB);
    }

    /// <summary>A Poisson(1) draw by inversion of its distribution function.</summary>
    private static int Poisson(ref ulong state)
    {
        var u = Uniform(ref state);
        var k = 0;
        var p = Math.Exp(-1);
        var cumulative = p;
        while (u > cumulative && k < 20)
        {
            k++;
            p /= k;
            cumulative += p;
        }

        return k;
    }

    private static double Uniform(ref ulong state)
    {
        state = unchecked(state + 0x9E37_79B9_7F4A_7C15UL);
        var z = state;
        z = unchecked((z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL);
        return ((z ^ (z >> 31)) >> 11) * (1.0 / (1UL << 53));
    }

    private static double Percentile(double[] sorted, double p)
    {
        var position = p * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }
}
