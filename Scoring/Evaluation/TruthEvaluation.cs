using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Scoring.Data;
using BlindSpot.Scoring.Metrics;
using BlindSpot.Scoring.Registry;
using BlindSpot.Scoring.Training;

namespace BlindSpot.Scoring.Evaluation;

/// <summary>Scores every eligible person of a quarter and measures precision at the quota against the truth for model, rule and oracle.</summary>
internal static class TruthEvaluation
{
    public static async Task<TruthPrecision> RunAsync(DataRoot root, Quarter quarter, LoadedModel model, Dictionary<long, (bool InCrisis, float Risk)> truth, CancellationToken ct)
    {
        var build = FeatureBuild.Load(root, quarter);
        var variant = Core.Catalog.VariantNames.Parse(model.Card.Variant);
        var ruleIndex = model.Card.Features.ToList().IndexOf(TrainingJob.RuleFeature);
        var keys = new List<long>();
        var modelScores = new List<float>();
        var ruleScores = new List<float>();
        var oracle = new List<float>();
        var crisis = new List<bool>();
        foreach (var part in build.PartFiles)
        {
            await foreach (var block in FeatureBlockReader.ReadAsync(part, model.Card.Features, ct: ct).ConfigureAwait(false))
            {
                var eligible = block.Eligible(variant);
                for (var r = 0; r < block.Rows; r++)
                {
                    if (!eligible[r] || !truth.TryGetValue(block.PersonKeys[r], out var known))
                    {
                        continue;
                    }

                    var row = block.Row(r);
                    keys.Add(block.PersonKeys[r]);
                    modelScores.Add(model.Ensemble.Probability(model.Ensemble.Raw(row)));
                    ruleScores.Add(ruleIndex < 0 ? 0 : row[ruleIndex]);
                    oracle.Add(known.Risk);
                    crisis.Add(known.InCrisis);
                }
            }
        }

        var keyArray = keys.ToArray();
        var labels = crisis.ToArray();
        var share = model.Card.QuotaShare;
        double At(List<float> scores) => BinaryMetrics.Compute(scores.ToArray(), labels, keyArray, share).PrecisionAtK;
        var k = BinaryMetrics.Compute(modelScores.ToArray(), labels, keyArray, share).K;
        var inCrisis = labels.Count(c => c);
        return new TruthPrecision(keyArray.Length, inCrisis, k, At(modelScores), At(ruleScores), At(oracle), keyArray.Length == 0 ? 0 : (double)inCrisis / keyArray.Length);
    }
}
