using System.Text.Json;

namespace BlindSpot.Cli.Tests.Commands;

/// <summary><c>models show</c> on the committed sample models: a screenful by default, the whole card with --json.</summary>
public sealed class ModelsCommandTests
{
    private static string Models => Path.Combine(Repository.Root, "models");

    private static string LiveHousehold()
    {
        using var live = JsonDocument.Parse(File.ReadAllText(Path.Combine(Models, "household", "live.json")));
        return "household/" + live.RootElement.GetProperty("version").GetString();
    }

    [Test]
    public async Task Show_Default_IsAShortSummaryWithTheMetrics()
    {
        var run = await CliRun.Of("models", "show", LiveHousehold(), "--models", Models);

        var lines = run.Output.TrimEnd().Split('\n');
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(lines, Has.Length.LessThanOrEqualTo(12), "it used to print the 429-line card");
        Assert.That(lines[0], Does.StartWith(LiveHousehold()).And.Contain("(live)"));
        Assert.That(run.Output, Does.Contain("validation: model AUC ").And.Contain("--json"));
    }

    [Test]
    public async Task Show_Json_PrintsTheWholeCard()
    {
        var run = await CliRun.Of("models", "show", LiveHousehold(), "--models", Models, "--json");

        using var card = JsonDocument.Parse(run.Output);
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(card.RootElement.GetProperty("features").GetArrayLength(), Is.EqualTo(140));
    }
}
