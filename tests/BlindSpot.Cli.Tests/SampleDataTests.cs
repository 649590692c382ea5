using BlindSpot.Cli;
using BlindSpot.Core.Hashing;

namespace BlindSpot.Cli.Tests;

/// <summary>Pins determinism for CI: the committed sample-data/ is what its README's command makes, byte for byte.</summary>
public sealed class SampleDataTests
{
    [Test]
    public async Task Generate_DocumentedCommand_ReproducesCommittedSampleData()
    {
        var committed = Path.Combine(RepositoryRoot(), "sample-data");
        var folder = Path.Combine(Path.GetTempPath(), "blindspot-sample-" + Environment.ProcessId);
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var code = await CommandLineApp.RunAsync(
                ["generate", "--people", "50000", "--quarters", "2025Q3..2026Q3", "--seed", "20260926", "--out", folder, "--gzip"], output, error);

            Assert.That(code, Is.EqualTo(ExitCodes.Success), error.ToString());
            var expected = Hashes(committed);
            expected.Remove("README.md");
            Assert.That(expected, Has.Count.GreaterThan(200));
            Assert.That(Hashes(folder), Is.EqualTo(expected));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static SortedDictionary<string, string> Hashes(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), FileHash.Sha256), StringComparer.Ordinal);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BlindSpot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BlindSpot.sln not found above the test directory.");
    }
}
