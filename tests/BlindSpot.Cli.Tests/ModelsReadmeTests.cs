namespace BlindSpot.Cli.Tests;

/// <summary>models/README.md's retraining recipe works on scratch folders: following it changes nothing in the repository.</summary>
public sealed class ModelsReadmeTests
{
    private static IReadOnlyList<string> Commands()
    {
        var lines = File.ReadAllLines(Path.Combine(Repository.Root, "models", "README.md"));
        return [.. lines.SkipWhile(l => l != "```sh").Skip(1).TakeWhile(l => l != "```")];
    }

    [Test]
    public void Recipe_EveryCommandThatWritesModels_NamesAScratchModelsFolder()
    {
        var writers = Commands().Where(c => c.Contains(" train ", StringComparison.Ordinal) || c.Contains(" promote ", StringComparison.Ordinal) || c.Contains(" evaluate ", StringComparison.Ordinal) || c.Contains(" run-quarter ", StringComparison.Ordinal)).ToList();

        Assert.That(writers, Has.Count.EqualTo(4));
        Assert.That(writers, Has.All.Contain("--models $M"), "the repository's models/ is the default inside the clone: every writer must name the scratch folder");
        Assert.That(Commands(), Has.Some.Contain("M=/tmp/"));
    }

    [Test]
    public void Recipe_NeverWritesIntoTheRepository()
    {
        var recipe = string.Join('\n', Commands());

        Assert.That(recipe, Does.Not.Contain("--models models").And.Not.Contain("--data sample-data").And.Not.Contain("--data data"));
        Assert.That(recipe, Does.Contain("cp -r sample-data /tmp/sample"));
    }
}
