using System.Globalization;
using System.Text;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Outcomes;
using BlindSpot.Portal.Worklists;

namespace BlindSpot.Portal.Tests.Worklists;

/// <summary>
/// The outcome progress the officer pages show follows the append-only history: rows appended since the last view are
/// added, a line still being written waits for its end, and a history replaced by a shorter one is read again.
/// </summary>
public sealed class ReportedOutcomesTests
{
    private const string Header = "import_id,line,worklist_id,resident_no,variant,sigungu_code,selected_by,outcome,outcome_date\r\n";
    private static readonly Quarter Q = Quarter.Parse("2026Q3", CultureInfo.InvariantCulture);

    private DataRoot root = null!;
    private string history = "";

    [SetUp]
    public void CreateRoot()
    {
        root = new DataRoot(Directory.CreateTempSubdirectory("blindspot-reported-").FullName);
        history = OutcomeProgress.HistoryFile(root, Q);
        Directory.CreateDirectory(Path.GetDirectoryName(history)!);
    }

    [TearDown]
    public void DeleteRoot() => Directory.Delete(root.Path, recursive: true);

    private static string Row(string id, string sigungu) => $"a1,2,{id},900101-1000001,household,{sigungu},model,supported,2026-10-01\r\n";

    [Test]
    public void Of_FollowsAppends_WaitsForAnUnfinishedLine_AndRereadsAReplacedHistory()
    {
        var reported = new ReportedOutcomes(root);
        Assert.That(reported.Of(Q, "11110"), Is.Empty, "no history yet");

        File.WriteAllText(history, Header + Row("2026Q3-11110-H-000001", "11110") + Row("2026Q3-41110-H-000004", "41110"), new UTF8Encoding(false));
        Assert.That(reported.Of(Q, "11110"), Is.EquivalentTo(new[] { "2026Q3-11110-H-000001" }));

        var first = reported.Of(Q, "11110");
        File.AppendAllText(history, Row("2026Q3-11110-H-000002", "11110") + Row("'=1+1", "11110") + "a2,9,2026Q3-11110-H-0000", Encoding.UTF8);
        Assert.That(reported.Of(Q, "11110"), Is.EquivalentTo(new[] { "2026Q3-11110-H-000001", "2026Q3-11110-H-000002", "=1+1" }), "appended rows (a formula-escaped id restored); the unfinished line not yet");
        Assert.That(first, Has.Count.EqualTo(1), "a set handed out earlier never changes under its reader");

        File.AppendAllText(history, "03,1000002-1000002,household,11110,model,unreachable,2026-10-02\r\n", Encoding.UTF8);
        Assert.That(reported.Of(Q, "11110"), Does.Contain("2026Q3-11110-H-000003"), "the line, once finished");
        Assert.That(reported.Of(Q, "41110"), Is.EquivalentTo(new[] { "2026Q3-41110-H-000004" }));

        File.WriteAllText(history, Header + Row("2026Q3-11110-H-000009", "11110"), new UTF8Encoding(false));
        Assert.That(reported.Of(Q, "11110"), Is.EquivalentTo(new[] { "2026Q3-11110-H-000009" }), "a shorter history is read from the start");
        Assert.That(reported.Of(Q, "41110"), Is.Empty);
    }

    [Test]
    public void Of_GivesWhatTheFullReaderGives()
    {
        File.WriteAllText(history, Header + string.Concat(Enumerable.Range(1, 500).Select(i => Row($"2026Q3-{(i % 2 == 0 ? "11110" : "41110")}-H-{i:D6}", i % 2 == 0 ? "11110" : "41110"))), new UTF8Encoding(true));

        var reported = new ReportedOutcomes(root);

        Assert.That(reported.Of(Q, "11110"), Is.EquivalentTo(OutcomeProgress.ReportedWorklistIds(root, Q, "11110")));
        Assert.That(reported.Of(Q, "41110"), Is.EquivalentTo(OutcomeProgress.ReportedWorklistIds(root, Q, "41110")));
        Assert.That(reported.Of(Q, "11110"), Has.Count.EqualTo(250));
    }
}
