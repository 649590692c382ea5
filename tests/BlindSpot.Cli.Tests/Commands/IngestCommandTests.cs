namespace BlindSpot.Cli.Tests.Commands;

public sealed class IngestCommandTests
{
    [Test]
    public async Task Ingest_NoDeliveries_ExitsOneWithOneLineErrorListingMissingFeeds()
    {
        var folder = Directory.CreateTempSubdirectory("blindspot-cli-ingest-");
        try
        {
            // The quarter's folder exists but holds nothing (without it the message is "No deliveries for 2026Q3").
            folder.CreateSubdirectory(Path.Combine("raw", "2026Q3"));
            using var output = new StringWriter();
            using var error = new StringWriter();

            var exit = await CommandLineApp.RunAsync(["ingest", "2026Q3", "--data", folder.FullName], output, error);

            var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(ExitCodes.Failure));
                Assert.That(lines, Has.Length.EqualTo(1));
                Assert.That(lines[0], Does.StartWith("error: ").And.Contain("required deliveries missing").And.Contain("MOIS/resident_registration.csv"));
            });
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public async Task Ingest_DataRootMissing_ExitsOneAndCreatesNothing()
    {
        var missing = Path.Combine(Path.GetTempPath(), "blindspot-cli-no-root-" + Guid.NewGuid().ToString("N")[..8]);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CommandLineApp.RunAsync(["ingest", "2026Q3", "--data", missing], output, error);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Failure));
            Assert.That(error.ToString(), Does.StartWith($"error: The data root {missing} does not exist; nothing was created."));
            Assert.That(Directory.Exists(missing), Is.False);
        });
    }

    [Test]
    public async Task Ingest_MalformedQuarter_ExitsTwo()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CommandLineApp.RunAsync(["ingest", "2026Q5"], output, error);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.BadArguments));
            Assert.That(error.ToString(), Does.Contain("'2026Q5' is not a quarter"));
        });
    }
}
