using System.Diagnostics;

namespace BlindSpot.Cli.Tests.Commands;

/// <summary><c>blindspot serve</c> as a process: it starts listening, and SIGTERM (what a service manager sends) stops it cleanly.</summary>
[NonParallelizable]
public sealed class ServeCommandTests
{
    [Test]
    [Platform(Include = "Linux")]
    public async Task Serve_Sigterm_StopsThePortalAndExitsZero()
    {
        var data = Directory.CreateTempSubdirectory("blindspot-serve-").FullName;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "blindspot.dll"), "serve", "--data", data, "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        try
        {
            var listening = await ReadUntilAsync(process.StandardOutput, "portal: listening");
            Assert.That(listening, Is.True, "serve never said it was listening");

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(stop.Token);
            Assert.That(process.ExitCode, Is.EqualTo(0));
            Assert.That(await process.StandardOutput.ReadToEndAsync(), Does.Contain("portal: stopped."));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            Directory.Delete(data, recursive: true);
        }
    }

    // A safety net so a broken start fails the test instead of hanging it; the test asserts the line, not a duration.
    private static async Task<bool> ReadUntilAsync(StreamReader output, string text)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (!limit.IsCancellationRequested)
        {
            var line = await output.ReadLineAsync(limit.Token);
            if (line is null)
            {
                return false;
            }

            if (line.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
