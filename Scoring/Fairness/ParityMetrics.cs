using BlindSpot.Core.Catalog;

namespace BlindSpot.Scoring.Fairness;

/// <summary>
/// Group parity of one variant's dispatched list, the Aequitas way: for every dimension, each group's precision
/// (TP / listed), recall (TP / in crisis), false discovery rate (FP / listed) and false omission rate (FN / not listed)
/// over the group's eligible people, divided by the same rate of the reference group — the largest group of the
/// dimension (Aequitas' majority default) — and flagged when a ratio leaves the band.
/// </summary>
public static class ParityMetrics
{
    /// <param name="dimensions">Names of the dimensions, aligned with each person's group labels.</param>
    /// <param name="eligible">Every eligible person of the variant: key and one group label per dimension.</param>
    public static IReadOnlyList<ParityGroup> Compute(Variant variant, IReadOnlyList<string> dimensions, IReadOnlyList<(long Key, string[] Groups)> eligible,
        IReadOnlySet<long> listed, IReadOnlySet<long> inCrisis, ParityOptions options)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(eligible);
        ArgumentNullException.ThrowIfNull(options);
        var result = new List<ParityGroup>();
        for (var d = 0; d < dimensions.Count; d++)
        {
            var counts = new SortedDictionary<string, Counts>(StringComparer.Ordinal);
            foreach (var (key, groups) in eligible)
            {
                var c = counts.TryGetValue(groups[d], out var found) ? found : counts[groups[d]] = new Counts();
                c.Add(listed.Contains(key), inCrisis.Contains(key));
            }

            var reference = counts.OrderByDescending(c => c.Value.Eligible).ThenBy(c => c.Key, StringComparer.Ordinal).First();
            var referenceRates = reference.Value.Rates(options.MinimumCount);
            foreach (var (group, c) in counts)
            {
                var rates = c.Rates(options.MinimumCount);
                var ratios = new double?[4];
                var flags = new List<string>();
                for (var m = 0; m < 4; m++)
                {
                    ratios[m] = rates[m] is { } value && referenceRates[m] is > 0 and var denominator ? value / denominator : null;
                    if (ratios[m] is { } ratio && (ratio < options.Low || ratio > options.High))
                    {
                        flags.Add(Names[m]);
                    }
                }

                result.Add(new ParityGroup(variant.ToCode(), dimensions[d], group, group == reference.Key, c.Eligible, c.Listed, c.InCrisis, c.TruePositives,
                    rates[0], rates[1], rates[2], rates[3], ratios[0], ratios[1], ratios[2], ratios[3], flags));
            }
        }

        return result;
    }

    /// <summary>The rates' names as flags show them, in the order precision, recall, FDR, FOR.</summary>
    public static IReadOnlyList<string> Names { get; } = ["precision", "recall", "false discovery", "false omission"];

    private sealed class Counts
    {
        public int Eligible { get; private set; }

        public int Listed { get; private set; }

        public int InCrisis { get; private set; }

        public int TruePositives { get; private set; }

        public void Add(bool listed, bool inCrisis)
        {
            Eligible++;
            Listed += listed ? 1 : 0;
            InCrisis += inCrisis ? 1 : 0;
            TruePositives += listed && inCrisis ? 1 : 0;
        }

        /// <summary>Precision, recall, FDR, FOR; null where the denominator is below <paramref name="minimum"/>.</summary>
        public double?[] Rates(int minimum)
        {
            var falsePositives = Listed - TruePositives;
            var falseNegatives = InCrisis - TruePositives;
            var notListed = Eligible - Listed;
            return
            [
                Listed >= minimum ? (double)TruePositives / Listed : null,
                InCrisis >= minimum ? (double)TruePositives / InCrisis : null,
                Listed >= minimum ? (double)falsePositives / Listed : null,
                notListed >= minimum ? (double)falseNegatives / notListed : null,
            ];
        }
    }
}
