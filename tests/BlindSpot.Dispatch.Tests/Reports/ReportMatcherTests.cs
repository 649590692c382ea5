using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Reports;
using BlindSpot.Testing;

namespace BlindSpot.Dispatch.Tests.Reports;

/// <summary>Matching on a tiny data root: a roster of four people and a vault of six (one moved away, one never on the roster).</summary>
public sealed class ReportMatcherTests
{
    private static readonly Quarter Quarter = new(2026, 3);
    private static readonly Pseudonymizer Keys = Pseudonymizer.ForSampleData();
    private static readonly DateOnly On = new(2026, 9, 1);
    private DataRoot root = null!;

    private static string Resident(int serial) => ResidentNumber.Create(new DateOnly(1960 + serial, 1, 10), serial % 2 == 0, serial);

    [SetUp]
    public async Task WriteRosterAndVault()
    {
        root = new DataRoot(Directory.CreateTempSubdirectory("blindspot-match-").FullName);
        await LakeWriter.WriteRosterAsync(root, Quarter,
        [
            new RosterPerson(Keys.Person(Resident(1)).Value, 1, "11110", 60) { Eupmyeondong = "11110515" },
            new RosterPerson(Keys.Person(Resident(2)).Value, 2, "11110", 61),
            new RosterPerson(Keys.Person(Resident(3)).Value, 3, "11110", 62),
            new RosterPerson(Keys.Person(Resident(4)).Value, 4, "41110", 63),
        ]);
        VaultWriter.Write(root, Quarter,
        [
            (Resident(1), "H1", "홍길동", "서울 종로구 세종대로 1", "010-1"),
            (Resident(2), "H2", "이영희", "서울 종로구 율곡로 2", "010-2"),
            (Resident(3), "H3", "이영희", "서울 종로구 율곡로 2", "010-3"),
            (Resident(4), "H4", "김철수", "경기 수원시 팔달로 4", "010-4"),
            (Resident(5), "H5", "박전출", "서울 종로구 자하문로 5", "010-5"),
        ]);
    }

    [TearDown]
    public void DeleteRoot() => Directory.Delete(root.Path, recursive: true);

    [Test]
    public async Task Match_ByResidentNumber_FindsThePersonsSigunguAndEupmyeondong_AndNameFromTheVault()
    {
        var m = (await MatchAsync(Report(Resident(1)))).Single();

        Assert.That((m.Kind, m.PersonKey, m.SigunguCode, m.EupmyeondongCode, m.Name), Is.EqualTo((ReportMatchKind.Matched, (long?)Keys.Person(Resident(1)).Value, "11110", "11110515", "홍길동")));
        Assert.That(m.Contacts, Is.EqualTo(("서울 종로구 세종대로 1", "010-1")));
    }

    [Test]
    public async Task Match_ByNameAndAddress_ToleratesSpacing_AndFindsOnePerson()
    {
        var m = (await MatchAsync(Report(null, "김 철수", "경기  수원시 팔달로 4 "))).Single();

        Assert.That((m.Kind, m.PersonKey, m.SigunguCode), Is.EqualTo((ReportMatchKind.Matched, (long?)Keys.Person(Resident(4)).Value, "41110")));
    }

    [Test]
    public async Task Match_TwoPeopleOfThatNameAtThatAddress_IsAmbiguous_NoneIsNoMatch_AndNothingIsDropped()
    {
        var matches = await MatchAsync(Report(null, "이영희", "서울 종로구 율곡로 2"), Report(null, "없는사람", "서울 종로구 율곡로 2"), Report(Resident(9)));

        Assert.That(matches.Select(m => m.Kind), Is.EqualTo(new[] { ReportMatchKind.Ambiguous, ReportMatchKind.NoMatch, ReportMatchKind.NoMatch }));
        Assert.That(matches.Select(m => m.PersonKey), Has.All.Null);
    }

    [Test]
    public async Task Match_InTheVaultButNotOnTheRoster_IsNotOnRoster()
    {
        var matches = await MatchAsync(Report(Resident(5)), Report(null, "박전출", "서울 종로구 자하문로 5"));

        Assert.That(matches.Select(m => m.Kind), Is.EqualTo(new[] { ReportMatchKind.NotOnRoster, ReportMatchKind.NotOnRoster }));
    }

    [Test]
    public async Task Match_NeverCarriesTheResidentNumberOutward()
    {
        var m = (await MatchAsync(Report(Resident(2)))).Single();

        // What a log line or an exception message would print of a match.
        Assert.That(m.ToString(), Does.Not.Contain(Resident(2)[..6]).And.Contain("Matched"));
    }

    private static CrisisReport Report(string? resident, string name = "", string address = "") => new(2, resident, name, address, "며칠째 보이지 않음", "이웃", On);

    private Task<IReadOnlyList<ReportMatch>> MatchAsync(params CrisisReport[] reports) => ReportMatcher.MatchAsync(root, Quarter, reports, Keys, CancellationToken.None);
}
