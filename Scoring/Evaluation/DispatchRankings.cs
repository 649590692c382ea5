using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Scoring.Data;
using BlindSpot.Scoring.Metrics;
using BlindSpot.Scoring.Models;
using BlindSpot.Scoring.Training;

namespace BlindSpot.Scoring.Evaluation;

/// <summary>
/// Every variant's eligible people of a quarter ranked by each <see cref="RankingMethod"/>, in the score files' order
/// (score descending, smaller person key first on ties: <see cref="RankOrder"/>), and who of them the truth has in crisis.
/// </summary>
internal sealed class DispatchRankings
{
    private DispatchRankings(IReadOnlyList<IReadOnlyDictionary<Variant, IReadOnlyList<long>>> byMethod, IReadOnlyDictionary<Variant, HashSet<long>> inCrisis, int withoutTruth)
    {
        ByMethod = byMethod;
        InCrisis = inCrisis;
        WithoutTruth = withoutTruth;
    }

    /// <summary>Per method, aligned with <see cref="RankingMethod.All"/>: each variant's ranking, best first.</summary>
    public IReadOnlyList<IReadOnlyDictionary<Variant, IReadOnlyList<long>>> ByMethod { get; }

    /// <summary>Per variant, the eligible people the truth has in crisis for that variant.</summary>
    public IReadOnlyDictionary<Variant, HashSet<long>> InCrisis { get; }

    /// <summary>Eligible rows (over all variants) the truth file does not name: counted as not in crisis and reported.</summary>
    public int WithoutTruth { get; }

    /// <param name="models">Each variant's model for <see cref="RankingMethod.Model"/>; a variant without one is not ranked by it.</param>
    public static async Task<DispatchRankings> BuildAsync(DataRoot root, Quarter quarter, IReadOnlyDictionary<Variant, TreeEnsemble> models, IReadOnlyList<string> features,
        FeedCatalog catalog, IReadOnlyDictionary<Variant, Dictionary<long, (bool InCrisis, float Risk)>> truth, int seed, CancellationToken ct)
    {
        var names = features.ToList();
        var ruleAll = names.IndexOf(TrainingJob.RuleFeature) is >= 0 and var index ? index
            : throw new InvalidDataException($"The model's feature list has no '{TrainingJob.RuleFeature}', which the all-feeds rule ranks by; re-train on the current features.");
        var own = VariantNames.All.ToDictionary(v => v, v => new OwnFeedsRule(catalog, v, names));
        var lists = VariantNames.All.ToDictionary(v => v, _ => new Columns());
        var withoutTruth = 0;
        foreach (var part in FeatureBuild.Load(root, quarter).PartFiles)
        {
            await foreach (var block in FeatureBlockReader.ReadAsync(part, names, ct: ct).ConfigureAwait(false))
            {
                foreach (var variant in VariantNames.All)
                {
                    var eligible = block.Eligible(variant);
                    var model = models.GetValueOrDefault(variant);
                    var into = lists[variant];
                    for (var r = 0; r < block.Rows; r++)
                    {
                        if (!eligible[r])
                        {
                            continue;
                        }

                        var row = block.Row(r);
                        var key = block.PersonKeys[r];
                        var known = truth[variant].TryGetValue(key, out var t);
                        withoutTruth += known ? 0 : 1;
                        into.Add(key, model is null ? 0 : model.Probability(model.Raw(row)), row[ruleAll], own[variant].Score(row), RandomScore(seed, key),
                            known && t.InCrisis ? 2 + t.Risk : known ? t.Risk : -1, known && t.InCrisis);
                    }
                }
            }
        }

        var byMethod = RankingMethod.All.Select((method, m) => (IReadOnlyDictionary<Variant, IReadOnlyList<long>>)VariantNames.All
            .Where(v => method != RankingMethod.Model || models.ContainsKey(v))
            .ToDictionary(v => v, v => lists[v].Ranked(m))).ToList();
        return new DispatchRankings(byMethod, lists.ToDictionary(l => l.Key, l => l.Value.InCrisis), withoutTruth);
    }

    /// <summary>A uniform draw in [0, 1) from (seed, person key): SplitMix64's finaliser, so no generator state and no order dependence.</summary>
    public static float RandomScore(int seed, long personKey)
    {
        var z = unchecked((ulong)personKey + ((ulong)(uint)seed * 0x9E37_79B9_7F4A_7C15UL));
        z = unchecked((z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL);
        return ((z ^ (z >> 31)) >> 40) / (float)(1 << 24);
    }

    /// <summary>One variant's eligible people and their score under each method, in the order read.</summary>
    private sealed class Columns
    {
        private readonly List<long> keys = [];
        private readonly List<float>[] scores = [.. RankingMethod.All.Select(_ => new List<float>())];

        public HashSet<long> InCrisis { get; } = [];

        /// <summary>Scores in the order of <see cref="RankingMethod.All"/>.</summary>
        public void Add(long key, float model, float ruleAll, float ruleOwn, float random, float oracle, bool inCrisis)
        {
            keys.Add(key);
            scores[0].Add(model);
            scores[1].Add(ruleAll);
            scores[2].Add(ruleOwn);
            scores[3].Add(random);
            scores[4].Add(oracle);
            if (inCrisis)
            {
                InCrisis.Add(key);
            }
        }

        public IReadOnlyList<long> Ranked(int method)
        {
            var keyArray = keys.ToArray();
            return Array.ConvertAll(RankOrder.Descending(scores[method].ToArray(), keyArray), i => keyArray[i]);
        }
    }
}
