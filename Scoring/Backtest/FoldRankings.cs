using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Scoring.Data;
using BlindSpot.Scoring.Metrics;
using BlindSpot.Scoring.Models;

namespace BlindSpot.Scoring.Backtest;

/// <summary>
/// A fold's rankings, one set per recipe: the variant's eligible people ranked by that recipe's model, every other
/// variant by its live model (the same ranking in every set), all in the score files' order (score descending, smaller
/// person key first). The quarter's features are read once.
/// </summary>
internal static class FoldRankings
{
    public static async Task<IReadOnlyList<IReadOnlyDictionary<Variant, IReadOnlyList<long>>>> BuildAsync(DataRoot root, Quarter quarter, Variant variant,
        IReadOnlyList<TreeEnsemble> recipes, IReadOnlyDictionary<Variant, TreeEnsemble> others, IReadOnlyList<string> names, CancellationToken ct)
    {
        var keys = new List<long>();
        var scores = recipes.Select(_ => new List<float>()).ToArray();
        var otherKeys = others.Keys.ToDictionary(v => v, _ => new List<long>());
        var otherScores = others.Keys.ToDictionary(v => v, _ => new List<float>());
        foreach (var part in FeatureBuild.Load(root, quarter).PartFiles)
        {
            await foreach (var block in FeatureBlockReader.ReadAsync(part, names, ct: ct).ConfigureAwait(false))
            {
                var eligible = block.Eligible(variant);
                for (var r = 0; r < block.Rows; r++)
                {
                    if (eligible[r])
                    {
                        keys.Add(block.PersonKeys[r]);
                        for (var m = 0; m < recipes.Count; m++)
                        {
                            scores[m].Add(recipes[m].Probability(recipes[m].Raw(block.Row(r))));
                        }
                    }
                }

                foreach (var (other, model) in others)
                {
                    var otherEligible = block.Eligible(other);
                    for (var r = 0; r < block.Rows; r++)
                    {
                        if (otherEligible[r])
                        {
                            otherKeys[other].Add(block.PersonKeys[r]);
                            otherScores[other].Add(model.Probability(model.Raw(block.Row(r))));
                        }
                    }
                }
            }
        }

        var otherRanked = others.Keys.ToDictionary(v => v, v => Ranked(otherScores[v], otherKeys[v]));
        return [.. scores.Select(s =>
        {
            var set = new Dictionary<Variant, IReadOnlyList<long>>(otherRanked) { [variant] = Ranked(s, keys) };
            return (IReadOnlyDictionary<Variant, IReadOnlyList<long>>)set;
        })];
    }

    private static IReadOnlyList<long> Ranked(List<float> scores, List<long> keys)
    {
        var keyArray = keys.ToArray();
        return Array.ConvertAll(RankOrder.Descending(scores.ToArray(), keyArray), i => keyArray[i]);
    }
}
