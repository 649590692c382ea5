using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Pipeline.Reporting;
using BlindSpot.Pipeline.Tests.TestSupport;

namespace BlindSpot.Pipeline.Tests.Reporting;

/// <summary>Drift counted from real part files of the prepared sample (features of 2026Q1 and 2026Q2).</summary>
[NonParallelizable]
public sealed class FeatureDriftTests
{
    private static readonly Quarter Q = Quarter.Parse("2026Q2");

    [Test]
    public async Task IndicesAsync_QuarterWithLastQuartersOwnFeatures_EveryIndexIsZero()
    {
        var root = await SampleRoot.CopyAsync();
        var features = Path.Combine(root, "features");
        Directory.Delete(Path.Combine(features, Q.ToString()), recursive: true);
        Directory.CreateDirectory(Path.Combine(features, Q.ToString()));
        foreach (var file in Directory.GetFiles(Path.Combine(features, Q.Previous.ToString())))
        {
            File.Copy(file, Path.Combine(features, Q.ToString(), Path.GetFileName(file)));
        }

        var indices = await FeatureDrift.IndicesAsync(new DataRoot(root), Q, CancellationToken.None);

        Assert.That(indices, Has.Count.GreaterThan(100), "every feature of the schema");
        Assert.That(indices.Select(d => d.Index), Is.All.EqualTo(0));
    }

    [Test]
    public async Task IndicesAsync_TwoQuarters_LargestFirstAndSomeDrift()
    {
        var root = await SampleRoot.CopyAsync();

        var indices = await FeatureDrift.IndicesAsync(new DataRoot(root), Q, CancellationToken.None);

        Assert.That(indices.Select(d => d.Index), Is.Ordered.Descending);
        Assert.That(indices.Select(d => d.Index), Is.All.GreaterThanOrEqualTo(0));
        Assert.That(indices[0].Index, Is.Positive, "a quarter later, some feature moves");
    }

    [Test]
    public async Task IndicesAsync_NoFeaturesLastQuarter_IsEmpty()
    {
        var root = await SampleRoot.CopyAsync();
        Directory.Delete(Path.Combine(root, "features", Q.Previous.ToString()), recursive: true);

        Assert.That(await FeatureDrift.IndicesAsync(new DataRoot(root), Q, CancellationToken.None), Is.Empty);
    }
}
