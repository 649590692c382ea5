using System.Text;
using BlindSpot.Core.Paths;
using BlindSpot.Dispatch.Outcomes;
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

    [Test]
    public async Task Import_SigungusAtOnce_GiveTheLabelsAndHistoryOfSequentialImports()
    {
        // Each 시군구 sends a first answer, then a correction of half of it: order matters within a 시군구, so each
        // 시군구's uploads go in order while the 시군구 run at once.
        var plans = new[] { "11110", "26110" }.ToDictionary(s => s, s => new[]
        {
            FillWorklist(s, (_, i) => ("supported", "2026-10-20")),
            MarkCorrections(FillWorklist(s, (_, i) => i % 2 == 0 ? ("not_eligible", "2026-10-21") : ("supported", "2026-10-20"))),
        });
        var (sequential, _) = await DispatchedRootAsync();
        try
        {
            foreach (var (sigungu, files) in plans)
            {
                foreach (var file in files)
                {
                    await Importer().ImportAsync(sequential, Quarter, file, sigungu);
                }
            }

            using var start = new ManualResetEventSlim();
            var chains = plans.Select(p => Task.Run(async () =>
            {
                start.Wait();
                var results = new List<OutcomeImportResult>();
                foreach (var file in p.Value)
                {
                    results.Add(await Importer().ImportAsync(root, Quarter, file, p.Key));
                }

                return results;
            })).ToList();
            start.Set();
            var all = (await Task.WhenAll(chains)).SelectMany(r => r).ToList();

            Assert.That(all.Sum(r => r.Rejected), Is.Zero, string.Join("; ", all.SelectMany(r => r.Rows).Where(r => !r.Accepted).Select(r => r.Message)));
            Assert.That(all.Select(r => r.ImportId), Is.EquivalentTo(new[] { "0001", "0002", "0003", "0004" }), "unique ids");
            Assert.That(File.ReadAllBytes(root.Labels(Quarter)), Is.EqualTo(File.ReadAllBytes(sequential.Labels(Quarter))), "the labels of sequential imports, byte for byte");
            var history = HistoryBody(root);
            Assert.That(history.Select(l => l[(l.IndexOf(',', StringComparison.Ordinal) + 1)..]), Is.EquivalentTo(HistoryBody(sequential).Select(l => l[(l.IndexOf(',', StringComparison.Ordinal) + 1)..])), "the same rows, ids aside");
        }
        finally
        {
            Directory.Delete(sequential.Path, recursive: true);
        }
    }

    [Test]
    public async Task Import_WhileOneSigunguIsImporting_AnotherSigunguGoesAhead_TheSameSigunguWaits()
    {
        var blocked = FillWorklist("11110", (_, i) => ("supported", "2026-10-20"));
        var free = FillWorklist("26110", (_, i) => ("supported", "2026-10-20"));
        var locks = Directory.CreateDirectory(Path.Combine(root.OutcomesFolder(Quarter), "imports", "locks"));
        Task<OutcomeImportResult> waiting;
        OutcomeImportResult other;
        // Held here as an import of 11110 would hold it.
        using (new FileStream(Path.Combine(locks.FullName, "11110.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            waiting = Task.Run(() => Importer().ImportAsync(root, Quarter, blocked, "11110"));
            other = await Importer().ImportAsync(root, Quarter, free, "26110");
            Assert.That(other.Accepted, Is.GreaterThan(0));
            Assert.That(other.ImportId, Is.EqualTo("0001"));
            Assert.That(waiting.IsCompleted, Is.False, "11110's upload waits for 11110's import in progress");
        }

        var first = await waiting;
        Assert.That(first.Accepted, Is.GreaterThan(0));
        Assert.That(first.ImportId, Is.EqualTo("0002"));
        Assert.That(await ReadLabelsAsync(), Has.Count.EqualTo(first.Accepted + other.Accepted), "no label lost");
        Assert.That(HistoryBody(root), Has.Length.EqualTo(first.Accepted + other.Accepted));
    }

    private static string[] HistoryBody(DataRoot at) => File.ReadAllLines(Path.Combine(at.OutcomesFolder(Quarter), "outcome-history.csv")).Skip(1).ToArray();

    /// <summary>The same file with a 정정 (correction) column saying Y on every row.</summary>
    private static string MarkCorrections(string path)
    {
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        File.WriteAllLines(path, [lines[0] + ",정정", .. lines.Skip(1).Select(l => l + ",Y")], new UTF8Encoding(true));
        return path;
    }
}
