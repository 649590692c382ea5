using System.Text;
using static BlindSpot.Dispatch.Tests.TestSupport.DispatchScenario;

namespace BlindSpot.Dispatch.Tests.Outcomes;

/// <summary>Imports of one quarter at the same time: each gets its own id and report, and no label is lost.</summary>
public sealed partial class OutcomeImporterTests
{
    [Test]
    public async Task Import_ConcurrentImportsOfOneQuarter_KeepEveryLabelWithUniqueIds()
    {
        var lines = File.ReadAllLines(Path.Combine(root.WorklistFolder(Quarter), "11110.csv"), Encoding.UTF8)
            .Concat(File.ReadAllLines(Path.Combine(root.WorklistFolder(Quarter), "26110.csv"), Encoding.UTF8).Skip(1)).ToArray();
        var uploads = lines.Skip(1).Select((line, i) =>
        {
            var path = Path.Combine(root.Path, $"one-{i}.csv");
            File.WriteAllText(path, lines[0] + "\r\n" + line[..^1] + "supported,2026-10-20\r\n", new UTF8Encoding(true));
            return path;
        }).ToList();
        Assert.That(uploads, Has.Count.GreaterThan(4));

        using var start = new ManualResetEventSlim();
        var imports = uploads.Select(path => Task.Run(async () =>
        {
            start.Wait();
            return await Importer().ImportAsync(root, Quarter, path);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(imports);

        Assert.That(results.Select(r => r.Accepted), Has.All.EqualTo(1));
        Assert.That(results.Select(r => r.ReportPath).Distinct().Count(), Is.EqualTo(uploads.Count), "one report per import");
        Assert.That(await ReadLabelsAsync(), Has.Count.EqualTo(uploads.Count));
    }
}
