using System.Text.RegularExpressions;
using BlindSpot.Pipeline.Tests.TestSupport;

namespace BlindSpot.Pipeline.Tests;

/// <summary>
/// Issue 15 item 2 (and issue 14's unclear messages): a run without data fails at once with one short message, printed
/// once; a data root that does not exist is refused and never created. Before, the stage retried the missing delivery as
/// an IOException and sat at "queued" for 362 s, printing the 1,400-character list three times.
/// </summary>
[NonParallelizable]
public sealed class RunQuarterFailFastTests
{
    [Test]
    public async Task RunQuarter_DataRootMissing_ExitsOneAndCreatesNothing()
    {
        var missing = Path.Combine(SampleRoot.Scratch, "no-such-root-" + Guid.NewGuid().ToString("N")[..6]);

        var (exit, output) = await CliRun.RunAsync("run-quarter", "2027Q1", "--data", missing, "--models", SampleRoot.Scratch);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(output, Does.Contain($"error: The data root {missing} does not exist; nothing was created."));
            Assert.That(Directory.Exists(missing), Is.False);
        });
    }

    [Test]
    public async Task RunQuarter_QuarterWithoutDeliveries_FailsWithOneShortMessagePrintedOnce()
    {
        var root = Directory.CreateTempSubdirectory("blindspot-nodata-").FullName;
        try
        {
            var (exit, output) = await CliRun.RunAsync("run-quarter", "2027Q1", "--data", root, "--models", SampleRoot.Scratch);

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(1));
                Assert.That(Regex.Count(output, "No deliveries for 2027Q1: raw/2027Q1/ does not exist"), Is.EqualTo(1), output);
                Assert.That(output, Does.Contain("run-quarter 2027Q1 failed at ingest"));
            });
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public async Task RunQuarter_RequiredDeliveriesMissing_SummarisesThemAndListsAllInTheReport()
    {
        var root = Directory.CreateTempSubdirectory("blindspot-nodata-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "raw", "2027Q1", "KEPCO"));

            var (exit, output) = await CliRun.RunAsync("run-quarter", "2027Q1", "--data", root, "--models", SampleRoot.Scratch);

            var line = output.Split('\n').Single(l => l.StartsWith("run-quarter 2027Q1 failed", StringComparison.Ordinal));
            var report = await File.ReadAllTextAsync(Path.Combine(root, "quarantine", "2027Q1", "ingest-report.json"));
            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(1));
                Assert.That(line, Does.Contain("42 of 42 required deliveries missing under raw/2027Q1/: MOIS/resident_registration.csv;").And.Contain("and 39 more (all listed in quarantine/2027Q1/ingest-report.json)"));
                Assert.That(line, Has.Length.LessThan(400));
                Assert.That(Regex.Count(output, "required deliveries missing"), Is.EqualTo(1));
                Assert.That(report, Does.Contain("raw/2027Q1/NHIS/dementia.csv is missing; ask NHIS for it."));
            });
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
