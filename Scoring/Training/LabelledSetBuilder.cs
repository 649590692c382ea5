using BlindSpot.Core.Catalog;
using BlindSpot.Core.Hashing;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Scoring.Data;

namespace BlindSpot.Scoring.Training;

/// <summary>
/// Joins quarter Q's labels to quarter Q's features by person key, for the people eligible for the variant: the features
/// a person had when they were chosen for the visit. Rows come out in part-file order, so the set is the same every run.
/// </summary>
internal static class LabelledSetBuilder
{
    /// <param name="positiveKinds">Outcomes that count as positive; null for every kind of support.</param>
    public static async Task<LabelledSet> BuildAsync(DataRoot root, IEnumerable<Quarter> quarters, Variant variant, IReadOnlyList<string> featureNames, CancellationToken ct, IReadOnlyList<string>? positiveKinds = null)
    {
        var keys = new List<long>();
        var features = new List<float>();
        var labels = new List<bool>();
        var audit = new List<bool>();
        var sido = new List<string>();
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        long unreachable = 0, noLabel = 0, withoutFeatures = 0, duplicates = 0;
        foreach (var quarter in quarters)
        {
            var wanted = new Dictionary<long, LabelRow>();
            foreach (var label in await LabelReader.ReadAsync(root, quarter, variant, ct).ConfigureAwait(false))
            {
                if (LabelValues.Label(label.Outcome) is null)
                {
                    unreachable += label.Outcome == LabelValues.Unreachable ? 1 : 0;
                    noLabel++;
                }
                else if (!wanted.TryAdd(label.PersonKey, label))
                {
                    duplicates++;
                }
            }

            hashes[root.Relative(root.Labels(quarter))] = FileHash.Sha256(root.Labels(quarter));
            var build = FeatureBuild.Load(root, quarter);
            var found = new HashSet<long>();
            foreach (var part in build.PartFiles)
            {
                hashes[root.Relative(part)] = FileHash.Sha256(part);
                await foreach (var block in FeatureBlockReader.ReadAsync(part, featureNames, wanted.ContainsKey, ct).ConfigureAwait(false))
                {
                    var eligible = block.Eligible(variant);
                    for (var r = 0; r < block.Rows; r++)
                    {
                        if (eligible[r] && wanted.TryGetValue(block.PersonKeys[r], out var label) && found.Add(label.PersonKey))
                        {
                            keys.Add(label.PersonKey);
                            features.AddRange(block.Row(r));
                            labels.Add(positiveKinds is null ? LabelValues.Label(label.Outcome) == true : positiveKinds.Contains(label.Outcome));
                            audit.Add(label.SelectedBy == LabelValues.Audit);
                            sido.Add(block.SidoCodes[r]);
                        }
                    }
                }
            }

            withoutFeatures += wanted.Count - found.Count;
        }

        return new LabelledSet([.. keys], [.. features], featureNames.Count, [.. labels], [.. audit])
        {
            Unreachable = unreachable,
            NoLabel = noLabel,
            WithoutFeatures = withoutFeatures,
            Duplicates = duplicates,
            InputHashes = hashes,
            Sido = [.. sido],
        };
    }
}
