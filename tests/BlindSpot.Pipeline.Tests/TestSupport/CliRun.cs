using BlindSpot.Cli;

namespace BlindSpot.Pipeline.Tests.TestSupport;

/// <summary>Runs the blindspot command in this process, as a user would type it.</summary>
internal static class CliRun
{
    public static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLineApp.RunAsync(args, output, error);
        return (exit, output + error.ToString());
    }

    /// <summary>Runs a verb that must succeed; a failure shows the verb's own output.</summary>
    public static async Task<string> MustAsync(params string[] args)
    {
        var (exit, output) = await RunAsync(args);
        Assert.That(exit, Is.Zero, $"blindspot {string.Join(' ', args)} failed:\n{output}");
        return output;
    }
}
