using System.Text;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Portal.Cases;
using BlindSpot.Testing;

namespace BlindSpot.Cli.Tests.Commands;

/// <summary>
/// <c>reports import</c> takes a file in as the analyst's page does: rows read = matched + unmatched + rejected, refused
/// rows by file, line and field, the matched report a 신고 case in the embedded store, audited; no resident number printed.
/// </summary>
public sealed class ReportsCommandTests
{
    private static readonly Quarter Quarter = new(2026, 3);
    private static readonly string Known = ResidentNumber.Create(new DateOnly(1955, 3, 1), male: true, serial: 1);
    private DataRoot root = null!;

    [SetUp]
    public async Task WriteRosterAndVault()
    {
        root = new DataRoot(Directory.CreateTempSubdirectory("blindspot-cli-reports-").FullName);
        await LakeWriter.WriteRosterAsync(root, Quarter, [new RosterPerson(Pseudonymizer.ForSampleData().Person(Known).Value, 1, "11110", 71) { Eupmyeondong = "11110515" }]);
        VaultWriter.Write(root, Quarter, [(Known, "H1", "홍길동", "서울 종로구 세종대로 1", "010-1")]);
    }

    [TearDown]
    public void DeleteRoot()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(root.Path, recursive: true);
    }

    [Test]
    public async Task Import_PrintsTheCounts_AndTheRefusedRowByFileLineAndField_AndMakesTheCase()
    {
        var today = KoreanTime.Today(TimeProvider.System);
        var file = Path.Combine(root.Path, "reports.csv");
        File.WriteAllText(file, $"주민등록번호,성명,주소,관찰내용,신고자구분,신고일자\n{Known},,,우편물이 쌓여 있음,이웃,{today:yyyy-MM-dd}\n,없는사람,어딘가 1,기척이 없음,이웃,{today:yyyy-MM-dd}\n{Known},,,,이웃,{today:yyyy-MM-dd}\n", new UTF8Encoding(true));

        var run = await CliRun.Of("reports", "import", file, "--quarter", "2026Q3", "--data", root.Path);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
        Assert.That(run.Output, Does.Contain("3 rows read = 1 matched + 1 unmatched + 1 rejected").And.Contain("reports.csv: line 4: observed:"));
        Assert.That(run.Output + run.Error, Does.Not.Contain(Known[..6]));
        var store = new SqliteCaseStore(Path.Combine(root.Path, "portal", "cases.db"));
        Assert.That(await store.CountAsync("2026Q3", "11110", CaseOrigin.Report, CancellationToken.None), Is.EqualTo(1));
        Assert.That(File.ReadAllText(Path.Combine(root.Path, "portal", "audit.jsonl")), Does.Contain("report-import").And.Contain("\"rows\":3"));
    }
}
