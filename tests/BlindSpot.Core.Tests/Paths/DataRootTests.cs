using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Core.Tests.Paths;

public sealed class DataRootTests
{
    private static readonly Quarter Q = new(2026, 3);

    [Test]
    public void RawFeed_IsUnderQuarterAndSource()
    {
        var root = new DataRoot("/data");
        var feed = FeedCatalog.LoadDefault().Feeds[0];

        Assert.That(root.RawFeed(Q, feed), Is.EqualTo($"/data/raw/2026Q3/{feed.Source}/{feed.Code}.csv"));
    }

    [Test]
    public void StagePaths_FollowTheDocumentedLayout()
    {
        var root = new DataRoot("/data");

        Assert.That(root.RosterBucket(Q, 7), Is.EqualTo("/data/roster/2026Q3/bucket=007/part-0.parquet"));
        Assert.That(root.Partitioning(Q), Is.EqualTo("/data/roster/2026Q3/_partitioning.json"));
        Assert.That(root.LakeBucket(Q, "electricity_cutoff", 12), Is.EqualTo("/data/lake/2026Q3/electricity_cutoff/bucket=012/part-0.parquet"));
        Assert.That(root.Rejects(Q, "electricity_cutoff"), Is.EqualTo("/data/quarantine/2026Q3/electricity_cutoff.rejects.csv"));
        Assert.That(root.Scores(Q, Variant.LonelyDeath), Is.EqualTo("/data/scores/2026Q3/lonely_death.parquet"));
        Assert.That(root.Truth(Q), Is.EqualTo("/data/truth/2026Q3.parquet"));
        Assert.That(root.Labels(Q), Is.EqualTo("/data/labels/2026Q3.parquet"));
        Assert.That(root.RunManifest(Q), Is.EqualTo("/data/runs/2026Q3/manifest.json"));
    }

    [Test]
    public void Constructor_RelativePath_IsMadeAbsolute()
    {
        Assert.That(Path.IsPathRooted(new DataRoot("data").Path), Is.True);
    }
}
