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

    [TestCase("--coverage-gap", "region:46=0.5", "GROUP[/SOURCE]=COVERAGE")] // not a group the simulator knows
    [TestCase("--coverage-gap", "sido:46/REB=1.5", "coverage must be 0–1")]
    [TestCase("--intervention-effect", "3", "InterventionEffect must be between 0 and 2")]
    public async Task Generate_BadNoiseOrEffect_ExitsTwoNamingTheRule(string option, string value, string rule)
    {
        var (code, _, error) = await Run("generate", "--people", "10", "--quarters", "2026Q3", "--seed", "1", "--out", "x", option, value);

        Assert.That(code, Is.EqualTo(ExitCodes.BadArguments));
        Assert.That(error, Does.Contain(rule));
    }

    [Test]
    public async Task Generate_CounterfactualAndGaps_AreRecordedInSimulationJson()
    {
        var folder = Path.Combine(Path.GetTempPath(), "blindspot-cli-cf-" + Environment.ProcessId);
        try
        {
            var (code, _, _) = await Run("generate", "--people", "300", "--quarters", "2026Q3", "--seed", "3", "--out", folder,
                "--intervention-effect", "0", "--coverage-gap", "age:65-/KCIS=0.5", "--coverage-gap", "sido:11=0.9");

            Assert.That(code, Is.EqualTo(ExitCodes.Success));
            var json = File.ReadAllText(Path.Combine(folder, "simulation.json"));
            Assert.That(json, Does.Contain("\"interventionEffect\": 0").And.Contain("age:65-/KCIS=0.5").And.Contain("sido:11=0.9").And.Not.Contain("sido:46/REB"));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
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
