using System.Diagnostics;
using System.Text;
using BlindSpot.Core.Keys;

namespace BlindSpot.Cli.Tests.Commands;

/// <summary>
/// <c>outcomes import</c> says plainly when nothing was taken: a file for another quarter or 시군구 exits 1, an unknown
/// 시군구 code is a bad argument (exit 2), and codes and dates are read as officials write them.
/// </summary>
public sealed class OutcomesCommandTests
{
    private static readonly string Jongno = ResidentNumber.Create(new DateOnly(1955, 3, 1), male: true, serial: 1);
    private static readonly string Busan = ResidentNumber.Create(new DateOnly(1956, 3, 1), male: false, serial: 2);
    private DirectoryInfo root = null!;

    [SetUp]
    public void WriteRegister()
    {
        root = Directory.CreateTempSubdirectory("blindspot-cli-outcomes-");
        var folder = Directory.CreateDirectory(Path.Combine(root.FullName, "outcomes", "2026Q3"));
        File.WriteAllText(Path.Combine(folder.FullName, "dispatches.csv"),
            $"quarter,variant,resident_no,household_no,sigungu_code,selected_by,score,worklist_id\n2026Q3,household,{Jongno},H1,11110,model,0.9,2026Q3-11110-H-000001\n2026Q3,household,{Busan},H2,26110,model,0.8,2026Q3-26110-H-000002\n");
    }

    [TearDown]
    public void DeleteRoot() => root.Delete(recursive: true);

    [Test]
    public async Task Import_FileForAnotherQuarter_ExitsOneSayingNothingWasAccepted()
    {
        var file = Upload("quarter,variant,resident_no,outcome,outcome_date", $"2026Q2,household,{Jongno},supported,2026-10-22");

        var run = await CliRun.Of("outcomes", "import", file, "--quarter", "2026Q3", "--data", root.FullName);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure));
        Assert.That(run.Error, Does.Contain("nothing accepted").And.Contain("row is for 2026Q2"));
    }

    [Test]
    public async Task Import_FileOfAnotherSigungu_ExitsOne()
    {
        var file = Upload("worklist_id,outcome,outcome_date", "2026Q3-26110-H-000002,supported,2026-10-22");

        var run = await CliRun.Of("outcomes", "import", file, "--quarter", "2026Q3", "--sigungu", "11110", "--data", root.FullName);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure));
        Assert.That(run.Error, Does.Contain("nothing accepted").And.Contain("not on 11110's 2026Q3 worklist"));
    }

    [Test]
    public async Task Import_UnknownSigunguCode_ExitsTwo()
    {
        var file = Upload("worklist_id,outcome,outcome_date", "2026Q3-11110-H-000001,supported,2026-10-22");

        var run = await CliRun.Of("outcomes", "import", file, "--quarter", "2026Q3", "--sigungu", "99999", "--data", root.FullName);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadArguments));
        Assert.That(run.Error, Does.Contain("'99999' is not a 시군구 code"));
        Assert.That(Directory.Exists(Path.Combine(root.FullName, "outcomes", "2026Q3", "imports")), Is.False, "nothing imported");
    }

    [Test]
    public async Task Import_UpperCaseCodeAndSlashedDate_AreAccepted()
    {
        var file = Upload("worklist_id,outcome,outcome_date", "2026Q3-11110-H-000001,SUPPORTED,2026/10/22");

        var run = await CliRun.Of("outcomes", "import", file, "--quarter", "2026Q3", "--data", root.FullName);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error + run.Output);
        Assert.That(run.Output, Does.Contain("1 rows read = 1 accepted + 0 rejected + 0 not yet worked"));
    }

    [Test]
    [Platform(Include = "Linux")]
    public async Task Import_TwoProcessesAtOnce_GetTheirOwnIdsAndKeepEveryLabel()
    {
        var first = Upload("worklist_id,outcome,outcome_date", "2026Q3-11110-H-000001,supported,2026-10-22");
        var second = Upload("worklist_id,outcome,outcome_date", "2026Q3-26110-H-000002,not_eligible,2026-10-23");
        var imports = Directory.CreateDirectory(Path.Combine(root.FullName, "outcomes", "2026Q3", "imports"));
        Process[] processes;
        // Held by this test while both processes start, so they meet at the lock instead of one finishing first.
        using (new FileStream(Path.Combine(imports.FullName, "import.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            processes = [Start(first), Start(second)];
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.That(processes.Select(p => p.HasExited), Has.All.False, "both wait for the lock");
        }

        foreach (var process in processes)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await process.WaitForExitAsync(stop.Token);
            Assert.That(process.ExitCode, Is.EqualTo(0), await process.StandardError.ReadToEndAsync());
            process.Dispose();
        }

        Assert.That(Directory.GetFiles(imports.FullName, "*.report.csv").Select(Path.GetFileName), Is.EquivalentTo(new[] { "0001.report.csv", "0002.report.csv" }));
        var history = File.ReadAllLines(Path.Combine(root.FullName, "outcomes", "2026Q3", "outcome-history.csv"));
        Assert.That(history.Skip(1).Select(l => l.Split(',')[0]), Is.EquivalentTo(new[] { "0001", "0002" }));
        await using var labels = await Parquet.ParquetReader.CreateAsync(Path.Combine(root.FullName, "labels", "2026Q3.parquet"));
        Assert.That(labels.Metadata!.NumRows, Is.EqualTo(2));
    }

    [Test]
    [Platform(Include = "Linux")]
    public async Task Import_TwoSigungusInTwoProcesses_OneGoesAheadWhileTheOthersSigunguIsBusy()
    {
        var jongno = Upload("worklist_id,outcome,outcome_date", "2026Q3-11110-H-000001,supported,2026-10-22");
        var busan = Upload("worklist_id,outcome,outcome_date", "2026Q3-26110-H-000002,not_eligible,2026-10-23");
        var locks = Directory.CreateDirectory(Path.Combine(root.FullName, "outcomes", "2026Q3", "imports", "locks"));
        Process held;
        // Held by this test as an import of 11110 in progress would hold it.
        using (new FileStream(Path.Combine(locks.FullName, "11110.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            held = Start(jongno, "11110");
            using var free = Start(busan, "26110");
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await free.WaitForExitAsync(stop.Token);
            Assert.That(free.ExitCode, Is.EqualTo(0), await free.StandardError.ReadToEndAsync());
            Assert.That(held.HasExited, Is.False, "11110's import waits while 11110 is busy; 26110's did not");
        }

        using (held)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await held.WaitForExitAsync(stop.Token);
            Assert.That(held.ExitCode, Is.EqualTo(0), await held.StandardError.ReadToEndAsync());
        }

        var history = File.ReadAllLines(Path.Combine(root.FullName, "outcomes", "2026Q3", "outcome-history.csv"));
        Assert.That(history.Skip(1).Select(l => (l.Split(',')[0], l.Split(',')[5])), Is.EqualTo(new[] { ("0001", "26110"), ("0002", "11110") }));
    }

    private Process Start(string file, string? sigungu = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        string[] scope = sigungu is null ? [] : ["--sigungu", sigungu];
        string[] args = [Path.Combine(AppContext.BaseDirectory, "blindspot.dll"), "outcomes", "import", file, "--quarter", "2026Q3", "--data", root.FullName, .. scope];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private string Upload(string header, params string[] rows)
    {
        var path = Path.Combine(root.FullName, $"upload-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, header + "\n" + string.Join("\n", rows) + "\n", new UTF8Encoding(false));
        return path;
    }
}
