using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;

namespace BlindSpot.Scoring.Evaluation;

/// <summary>Counts, from the truth (and a counterfactual world's truth), how the people supported last quarter stand now (<see cref="PeopleHelped"/>).</summary>
internal static class PeopleHelpedEvaluation
{
    /// <summary>Two-sided 95 % normal quantile.</summary>
    private const double Z = 1.959964;

    /// <returns>Null when the truth has no <c>supported_last_quarter</c> column (a world generated before issue #21).</returns>
    /// <exception cref="InvalidDataException">A counterfactual is given but its truth file is missing or the evaluated truth predates the column.</exception>
    public static async Task<PeopleHelped?> RunAsync(string truthPath, string? counterfactualTruthPath, Variant variant, Pseudonymizer keys, CancellationToken ct)
    {
        var truth = await SupportTruthReader.ReadAsync(truthPath, variant, keys, ct).ConfigureAwait(false);
        if (truth is null)
        {
            return counterfactualTruthPath is null ? null
                : throw new InvalidDataException($"{truthPath}: column '{SupportTruthReader.SupportedColumn}' is missing, so people helped cannot be measured against the counterfactual; regenerate the world.");
        }

        var supported = truth.Where(t => t.Value.Supported).ToList();
        var inCrisis = supported.Count(t => t.Value.InCrisis);
        if (counterfactualTruthPath is null)
        {
            return new PeopleHelped(supported.Count, inCrisis, null);
        }

        if (!File.Exists(counterfactualTruthPath))
        {
            throw new InvalidDataException($"{counterfactualTruthPath}: the counterfactual world has no truth for this quarter (generate it with the same seed, quarters and --intervention-effect 0).");
        }

        var without = await SupportTruthReader.ReadAsync(counterfactualTruthPath, variant, keys, ct).ConfigureAwait(false)
            ?? throw new InvalidDataException($"{counterfactualTruthPath}: column '{SupportTruthReader.SupportedColumn}' is missing; regenerate the counterfactual world.");
        return new PeopleHelped(supported.Count, inCrisis, Compare(supported, without));
    }

    private static PeopleHelpedCounterfactual Compare(List<KeyValuePair<long, SupportTruthReader.Row>> supported, Dictionary<long, SupportTruthReader.Row> without)
    {
        // Per household (of the evaluated world): crises avoided = in crisis without − in crisis with, over its matched people.
        var byHousehold = new SortedDictionary<int, int>();
        int matched = 0, withSupport = 0, withoutSupport = 0;
        foreach (var (key, row) in supported)
        {
            if (!without.TryGetValue(key, out var other))
            {
                continue;
            }

            matched++;
            withSupport += row.InCrisis ? 1 : 0;
            withoutSupport += other.InCrisis ? 1 : 0;
            byHousehold[row.Household] = byHousehold.GetValueOrDefault(row.Household) + (other.InCrisis ? 1 : 0) - (row.InCrisis ? 1 : 0);
        }

        var (low, high) = Interval(withoutSupport - withSupport, [.. byHousehold.Values]);
        return new PeopleHelpedCounterfactual(matched, supported.Count - matched, withSupport, withoutSupport, byHousehold.Count, low, high);
    }

    /// <summary>Total ± z × √(H × s²), s² the sample variance of the household differences; a point when H &lt; 2.</summary>
    internal static (double Low, double High) Interval(int total, int[] households)
    {
        if (households.Length < 2)
        {
            return (total, total);
        }

        var mean = households.Average();
        var variance = households.Sum(d => (d - mean) * (d - mean)) / (households.Length - 1);
        var half = Z * Math.Sqrt(households.Length * variance);
        return (total - half, total + half);
    }
}
