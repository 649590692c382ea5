namespace BlindSpot.Cli.Tests.Commands;

public sealed class CatalogCommandTests
{
    [Test]
    public async Task Check_EmbeddedCatalog_SummarisesFeedsAndRegions()
    {
        var run = await CliRun.Of("catalog", "check");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain("47 feeds from 21 sources"));
        Assert.That(run.Output, Does.Contain("17 시도, 229 시군구"));
    }

    [Test]
    public async Task Check_MissingFile_ExitsOneNamingIt()
    {
        var run = await CliRun.Of("catalog", "check", "--catalog", "/nonexistent/feeds.json");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.StartWith("error: ").And.Contain("/nonexistent/feeds.json"));
    }

    [Test]
    public async Task Check_BrokenCatalog_ExitsOneNamingTheEntry()
    {
        var path = Path.Combine(Path.GetTempPath(), $"broken-feeds-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{ "version": "x", "sources": [], "feeds": [] }""");
        try
        {
            var run = await CliRun.Of("catalog", "check", "--catalog", path);

            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Error, Does.Contain(path).And.Contain("sources"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task Feeds_ListsEveryFeedOnce()
    {
        var run = await CliRun.Of("catalog", "feeds");

        Assert.That(run.Output.TrimEnd().Split('\n'), Has.Length.EqualTo(47));
        Assert.That(run.Output, Does.Contain("health_insurance_arrears"));
    }
}
