using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Scoring.Data;
using BlindSpot.Scoring.Training;

namespace BlindSpot.Scoring.Tests.TestSupport;

/// <summary>Every eligible person of a quarter as a (label-less) set, read through the production block reader.</summary>
internal static class EligibleRows
{
    public static async Task<LabelledSet> ReadAsync(DataRoot root, Quarter quarter, Variant variant)
    {
        var build = FeatureBuild.Load(root, quarter);
        var keys = new List<long>();
        var features = new List<float>();
        foreach (var part in build.PartFiles)
        {
            await foreach (var block in FeatureBlockReader.ReadAsync(part, build.Names))
            {
                var eligible = block.Eligible(variant);
                for (var r = 0; r < block.Rows; r++)
                {
                    if (eligible[r])
                    {
                        keys.Add(block.PersonKeys[r]);
                        features.AddRange(block.Row(r));
                    }
                }
            }
        }

        return new LabelledSet([.. keys], [.. features], build.Names.Count, new bool[keys.Count], new bool[keys.Count]);
    }
}
