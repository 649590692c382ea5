using BlindSpot.Cli;

namespace BlindSpot.Cli.Tests.Commands;

public sealed class GenerateCommandTests
{
    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLineApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [TestCase("--people", "10", "--quarters", "2026Q5", "--seed", "1", "--out", "x")] // no fifth quarter
    [TestCase("--people", "10", "--quarters", "2026Q3..2026Q1", "--seed", "1", "--out", "x")] // range runs backwards
    [TestCase("--people", "10", "--quarters", "2026Q3", "--out", "x")] // seed missing
    [TestCase("--people", "ten", "--quarters", "2026Q3", "--seed", "1", "--out", "x")] // people not a number
    public async Task Generate_BadArgument_ExitsWithTwoAndSaysWhy(params string[] args)
    {
        var (code, _, error) = await Run(["generate", .. args]);

        Assert.That(code, Is.EqualTo(ExitCodes.BadArguments));
        Assert.That(error, Does.StartWith("error: "));
    }

    [Test]
    public async Task Generate_ZeroPeople_ExitsTwoNamingTheRule()
    {
        var (code, _, error) = await Run("generate", "--people", "0", "--quarters", "2026Q3", "--seed", "1", "--out", Path.Combine(Path.GetTempPath(), "blindspot-cli-zero"));

        // Out of range: a bad argument, exit 2 (issue 15; it used to exit 1).
        Assert.That(code, Is.EqualTo(ExitCodes.BadArguments));
        Assert.That(error, Does.Contain("People must be 1"));
    }

    [Test]
    public async Task Generate_SmallPopulation_WritesDataAndPrintsSummaryWithTime()
    {
        var folder = Path.Combine(Path.GetTempPath(), "blindspot-cli-" + Environment.ProcessId);
        try
        {
            var (code, output, _) = await Run("generate", "--people", "500", "--quarters", "2026Q2..2026Q3", "--seed", "3", "--out", folder);

            Assert.That(code, Is.EqualTo(ExitCodes.Success));
            Assert.That(output, Does.Contain("2026Q2:").And.Contain(" s (seed 3)"));
            Assert.That(File.Exists(Path.Combine(folder, "simulation.json")), Is.True);
            Assert.That(File.Exists(Path.Combine(folder, "raw", "2026Q3", "MOIS", "resident_registration.csv")), Is.True);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
