using BlindSpot.Core.Catalog;
using BlindSpot.Features.Schema;

namespace BlindSpot.Features.Tests.Schema;

public sealed class FeatureDocumentTests
{
    [Test]
    public void DocsFeaturesMd_IsUpToDate()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "FEATURES.md");
        var expected = FeatureDocument.Render(FeedCatalog.LoadDefault());

        Assert.That(File.Exists(path), Is.True, "docs/FEATURES.md is missing: run 'blindspot features describe > docs/FEATURES.md'");
        Assert.That(File.ReadAllText(path), Is.EqualTo(expected), "docs/FEATURES.md is stale: run 'blindspot features describe > docs/FEATURES.md'");
    }

    [Test]
    public void Schema_HasEveryCatalogRuleOnce()
    {
        var catalog = FeedCatalog.LoadDefault();
        var schema = FeatureSchema.For(catalog);

        Assert.That(schema.Columns.Select(c => c.Name), Is.Unique);
        Assert.That(schema.Columns.Count(c => c.Kind == FeatureKind.Feed), Is.EqualTo(catalog.Feeds.Sum(f => f.Features.Count)));
        Assert.That(schema.Columns, Has.Count.InRange(100, 200));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BlindSpot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("BlindSpot.sln not found above the test directory.");
    }
}
