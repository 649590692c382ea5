using BlindSpot.Scoring.Data;

namespace BlindSpot.Scoring.Backtest;

/// <summary>
/// Measures a fold's lists: who is on which list, their truth (absent from the truth = not in crisis, as evaluate counts
/// them), their reported label (the first of duplicates; outcomes without a label are unknown) and whether the label came
/// from the random audit.
/// </summary>
internal static class FoldOutcomes
{
    public static (FoldPeople People, IReadOnlyList<FoldScore> Scores) Measure(IReadOnlyList<BacktestRecipe> recipes, IReadOnlyList<IReadOnlyList<long>> lists,
        IReadOnlyDictionary<long, (bool InCrisis, float Risk)>? truth, IReadOnlyList<LabelRow> labels)
    {
        var labelled = new Dictionary<long, (bool Positive, bool Audit)>();
        foreach (var row in labels)
        {
            if (LabelValues.Label(row.Outcome) is { } positive)
            {
                labelled.TryAdd(row.PersonKey, (positive, row.SelectedBy == LabelValues.Audit));
            }
        }

        var index = new Dictionary<long, int>();
        var keys = new List<long>();
        var member = new List<ulong>();
        for (var r = 0; r < lists.Count; r++)
        {
            foreach (var key in lists[r])
            {
                if (!index.TryGetValue(key, out var i))
                {
                    i = keys.Count;
                    index[key] = i;
                    keys.Add(key);
                    member.Add(0);
                }

                member[i] |= 1UL << r;
            }
        }

        var truthOf = keys.Select(k => truth is null ? (sbyte)-1 : truth.TryGetValue(k, out var t) && t.InCrisis ? (sbyte)1 : (sbyte)0).ToArray();
        var labelOf = keys.Select(k => labelled.TryGetValue(k, out var l) ? (sbyte)(l.Positive ? 1 : 0) : (sbyte)-1).ToArray();
        var auditOf = keys.Select(k => labelled.TryGetValue(k, out var l) && l.Audit).ToArray();
        var people = new FoldPeople([.. keys], [.. member], truthOf, labelOf, auditOf);
        var scores = recipes.Select((recipe, r) => new FoldScore(recipe.Name, lists[r].Count,
            truth is null ? null : Estimate(people, BacktestMetric.Truth, r),
            Estimate(people, BacktestMetric.Labels, r),
            Estimate(people, BacktestMetric.Audit, r))).ToList();
        return (people, scores);
    }

    private static PrecisionEstimate Estimate(FoldPeople people, BacktestMetric metric, int recipe)
    {
        int known = 0, hits = 0;
        for (var i = 0; i < people.Count; i++)
        {
            var outcome = people.Outcome(metric, i);
            if ((people.Member[i] & (1UL << recipe)) != 0 && outcome >= 0)
            {
                known++;
                hits += outcome;
            }
        }

        return new PrecisionEstimate(known, hits);
    }
}
