namespace BlindSpot.Cli.Tests.Commands;

public sealed class IngestCommandTests
{
    [Test]
    public async Task Ingest_NoDeliveries_ExitsOneWithOneLineErrorListingMissingFeeds()
    {
        var folder = Directory.CreateTempSubdirectory("blindspot-cli-ingest-");
        try
        {
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
