using BlindSpot.Core.Catalog;
using BlindSpot.Core.Hashing;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Scoring.Data;
using BlindSpot.Scoring.Evaluation;

namespace BlindSpot.Scoring.Training;

/// <summary>
/// The diagnostic labelled set of <c>train --labels truth</c>: every person eligible for the variant, labelled by the
/// simulator's hidden in-crisis flag, with every positive and a fixed share of the negatives (chosen by person-key hash,
/// so the same every run). A model fitted on it shows what the features could reach with perfect, unbiased labels.
/// </summary>
internal static class TruthLabelledSetBuilder
{
    /// <param name="visitedOnly">Only people with a label row for the variant (visited), every one of them: the labels' selection without their noise.</param>
    public static async Task<LabelledSet> BuildAsync(DataRoot root, IEnumerable<Quarter> quarters, Variant variant, IReadOnlyList<string> featureNames, double negativeShare, bool visitedOnly, Pseudonymizer truthKeys, CancellationToken ct)
    {
        var keys = new List<long>();
        var features = new List<float>();
        var labels = new List<bool>();
        var sido = new List<string>();
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var quarter in quarters)
        {
            var path = root.Truth(quarter);
            if (!File.Exists(path))
            {
                throw new InvalidDataException($"{path}: --labels truth needs the simulator's truth for {quarter}.");
            }

            var truth = await TruthReader.ReadAsync(path, variant, truthKeys, ct).ConfigureAwait(false);
            hashes[root.Relative(path)] = FileHash.Sha256(path);
            var visited = visitedOnly ? (await LabelReader.ReadAsync(root, quarter, variant, ct).ConfigureAwait(false)).Select(l => l.PersonKey).ToHashSet() : null;
            bool Wanted(long key) => truth.TryGetValue(key, out var t) && (visited is null ? t.InCrisis || Kept(key, negativeShare) : visited.Contains(key));
            foreach (var part in FeatureBuild.Load(root, quarter).PartFiles)
            {
                await foreach (var block in FeatureBlockReader.ReadAsync(part, featureNames, Wanted, ct).ConfigureAwait(false))
                {
                    var eligible = block.Eligible(variant);
                    for (var r = 0; r < block.Rows; r++)
                    {
                        if (eligible[r] && Wanted(block.PersonKeys[r]))
                        {
                            keys.Add(block.PersonKeys[r]);
                            features.AddRange(block.Row(r));
                            labels.Add(truth[block.PersonKeys[r]].InCrisis);
                            sido.Add(block.SidoCodes[r]);
                        }
                    }
                }
            }
        }

        return new LabelledSet([.. keys], [.. features], featureNames.Count, [.. labels], [.. labels.Select(_ => false)])
        {
            InputHashes = hashes,
            Sido = [.. sido],
        };
    }

    /// <summary>A fixed pseudo-random share of keys: the top 53 bits of a multiplicative hash, as a fraction.</summary>
    private static bool Kept(long key, double share) => (unchecked((ulong)key * 0x9E3779B97F4A7C15UL) >> 11) * (1.0 / (1UL << 53)) < share;
}
