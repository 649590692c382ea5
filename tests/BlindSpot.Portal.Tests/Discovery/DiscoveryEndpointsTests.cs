using System.Net;
using System.Text.RegularExpressions;
using BlindSpot.Portal.Audit;
using BlindSpot.Portal.Cases;
using BlindSpot.Portal.Tests.TestSupport;
using BlindSpot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlindSpot.Portal.Tests.Discovery;

/// <summary>
/// Own discovery through the real portal (embedded mode): the area is the officer's own, another is refused with a
/// Korean 403 and audited; every search and addition is audited without names; added people are cases like any other.
/// </summary>
[NonParallelizable]
public sealed partial class DiscoveryEndpointsTests
{
    private const string Search = "/discovery/11110/2026Q3";
    private static readonly DateTimeOffset Now = new(2026, 10, 20, 1, 0, 0, TimeSpan.Zero);
    private PortalData data = null!;
    private PortalFactory factory = null!;

    [SetUp]
    public async Task StartPortal()
    {
        data = await PortalData.CreateAsync();
        await DiscoveryData.WriteAsync(data);
        factory = new PortalFactory(data, database: null, services: s => s.AddSingleton<TimeProvider>(new ManualTime(Now)));
    }

    [TearDown]
    public async Task StopPortal()
    {
        await factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        data.Dispose();
    }

    [Test]
    public async Task SearchPage_SigunguOfficer_ShowsCountsAndTheAreasPeopleOnly_AndIsAudited()
    {
        using var officer = await factory.SignedInAsync("officer-11110");

        var html = await officer.Client.GetStringAsync(new Uri(Search + "?kind=health-insurance", UriKind.Relative));

        Assert.That(html, Does.Contain("조건에 맞는 사람 <strong>2명</strong> (관할 위기정보 입수자 4명)"));
        Assert.That(html, Does.Contain("윤일곱").And.Contain("윤아이").And.Not.Contain("강여섯 선택"));
        Assert.That(html, Does.Not.Contain("문열하나").And.Not.Contain("김하나"), "another 시군구's people and the dispatched are never listed");
        Assert.That(html, Does.Contain(DiscoveryQuarter.Resident(102, 35)[..8] + "******").And.Not.Contain(DiscoveryQuarter.Resident(102, 35)), "resident numbers masked");
        var audit = (await factory.AuditAsync()).Last();
        Assert.That((audit.Action, audit.Target, audit.Outcome, audit.Rows), Is.EqualTo((AuditActions.DiscoverySearch, Search, "search;kind=health-insurance", (int?)2)));
    }

    [TestCase("officer-11110", "/discovery/41110/2026Q3", TestName = "Search_AnotherSigungu_Is403KoreanAndAudited")]
    [TestCase("officer-11110", Search + "?emd=41110505", TestName = "Search_AnotherSigungusEupmyeondong_Is403KoreanAndAudited")]
    [TestCase("officer-11110515", Search + "?emd=11110505", TestName = "Search_EupmyeondongOfficer_AnotherEupmyeondong_Is403KoreanAndAudited")]
    [TestCase("officer-11110515", "/discovery/41110/2026Q3", TestName = "Search_EupmyeondongOfficer_AnotherSigungu_Is403KoreanAndAudited")]
    public async Task Search_OutsideTheOfficersArea_Is403KoreanAndAudited(string user, string path)
    {
        using var session = await factory.SignedInAsync(user);

        using var response = await session.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("권한 없음").And.Not.Contain("문열하나").And.Not.Contain("강여섯"));
        var audit = (await factory.AuditAsync()).Last();
        Assert.That((audit.UserName, audit.Action, audit.Outcome), Is.EqualTo((user, AuditActions.Denied, "other-area")));
    }

    [Test]
    public async Task SearchPage_EupmyeondongOfficer_SeesTheirEupmyeondongOnly()
    {
        using var local = await factory.SignedInAsync("officer-11110515");

        var html = await local.Client.GetStringAsync(new Uri(Search, UriKind.Relative));

        Assert.That(html, Does.Contain("조건에 맞는 사람 <strong>2명</strong> (관할 위기정보 입수자 2명)"));
        Assert.That(html, Does.Contain("윤일곱 선택").And.Contain("윤아이 선택").And.Not.Contain("강여섯").And.Not.Contain("한아홉"));
    }

    [Test]
    public async Task Add_ThenAgain_MakesOneOwnCaseWithTheReasonAndItsPage_AndRefusesTheSecondInKorean()
    {
        using var officer = await factory.SignedInAsync("officer-11110");

        using var added = await AddAsync(officer, "강여섯", "통장 제보: 겨울철 단전 확인 필요");
        using var again = await AddAsync(officer, "강여섯", "다시");

        Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.OK), await added.Content.ReadAsStringAsync());
        const string CaseId = "2026Q3-11110-S-000001";
        Assert.That(await added.Content.ReadAsStringAsync(), Does.Contain($"/cases/2026Q3/{CaseId}"));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await again.Content.ReadAsStringAsync(), Does.Contain("이미 이번 분기 사례로 등록된 사람입니다"));
        var page = await officer.Client.GetStringAsync(new Uri($"/cases/2026Q3/{CaseId}", UriKind.Relative));
        Assert.That(page, Does.Contain("자체 발굴: 통장 제보: 겨울철 단전 확인 필요").And.Contain("단전·전류제한 (4개월 체납, 320,000원)"), "the officer's reason, then the feed's sentence from the lake");
        Assert.That(page, Does.Contain("서울특별시 종로구 자하문로").And.Contain("010-2000-"), "contacts from the index, as the worklist's");
        Assert.That(page, Does.Contain("위기가구 위험등급 상"), "graded 상 in household and lonely death: the tie goes to household");
        var audit = await factory.AuditAsync();
        Assert.That(audit.Where(a => a.Action == AuditActions.DiscoveryAdd).Select(a => a.Outcome), Is.EqualTo(new[] { "added:" + CaseId, "refused:already-a-case" }));
        Assert.That(audit.Select(a => a.Outcome + a.Target), Has.None.Contains("강여섯").And.None.Contains(DiscoveryQuarter.Resident(101, 70)[..6]));
    }

    [Test]
    public async Task Add_OnADay_IsDueTheQuarterDueDaysAfterThatDay()
    {
        using var officer = await factory.SignedInAsync("officer-11110");

        using var added = await AddAsync(officer, "강여섯", "통장 제보");
        var page = await officer.Client.GetStringAsync(new Uri("/cases/2026Q3/2026Q3-11110-S-000001", UriKind.Relative));

        // Added on 2026-10-20 (Korean day of Now): due 60 days later, not 60 days after the quarter's end (2026-11-29).
        var c = await factory.Services.GetRequiredService<ICaseStore>().FindAsync("2026Q3-11110-S-000001", CancellationToken.None);
        Assert.That(c!.Due, Is.EqualTo(new DateOnly(2026, 12, 19)));
        Assert.That(page, Does.Contain("회신 기한 2026-12-19 (D-60)").And.Not.Contain("배부일"), "an own case has no dispatch date of its own");
    }

    [Test]
    public async Task Add_WithoutAReason_Is400AndAddsNothing()
    {
        using var officer = await factory.SignedInAsync("officer-11110");

        using var response = await AddAsync(officer, "한아홉", "   ");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("자체 발굴 사유를 적어 주세요"));
        Assert.That(await factory.Services.GetRequiredService<ICaseStore>().CountAsync("2026Q3", "11110", CaseOrigin.OwnDiscovery, CancellationToken.None), Is.Zero);
    }

    [Test]
    public async Task Add_ByTheEupmyeondongOfficer_GoesToTheirEupmyeondong_AndTheyOpenIt()
    {
        using var local = await factory.SignedInAsync("officer-11110515");

        using var added = await AddAsync(local, "윤아이", "어린이집 장기결석 의심");
        using var page = await local.GetAsync("/cases/2026Q3/2026Q3-11110-S-000001");

        Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var c = await factory.Services.GetRequiredService<ICaseStore>().FindAsync("2026Q3-11110-S-000001", CancellationToken.None);
        Assert.That((c?.EupmyeondongCode, c?.VariantName, c?.RiskBand), Is.EqualTo(("11110515", "위기아동", "상")));
    }

    [Test]
    public async Task OwnCase_ResultRecorded_ReachesTheOutcomeHistoryLikeADispatchedCase()
    {
        using var officer = await factory.SignedInAsync("officer-11110");
        using var added = await AddAsync(officer, "한아홉", "대출 연체 확인");
        const string Url = "/cases/2026Q3/2026Q3-11110-S-000001";
        var token = await officer.TokenAsync(Url);

        using var changed = await officer.Client.PostAsync(new Uri(Url + "/status", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["status"] = CaseStatus.Supported, ["channel"] = "방문", ["note"] = "긴급지원 연계", ["date"] = "2026-10-19",
        }));

        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await changed.Content.ReadAsStringAsync());
        var history = File.ReadAllText(Path.Combine(data.Root.OutcomesFolder(DiscoveryQuarter.Quarter), "outcome-history.csv"));
        Assert.That(history, Does.Contain("2026Q3-11110-S-000001").And.Contain(",own,"), "on record, selected by the municipality");
        Assert.That(File.Exists(data.Root.Labels(DiscoveryQuarter.Quarter)), Is.True);
    }

    private async Task<HttpResponseMessage> AddAsync(PortalSession session, string name, string reason)
    {
        var html = await session.Client.GetStringAsync(new Uri(Search, UriKind.Relative));
        var version = Version().Match(html).Groups[1].Value;
        var position = Regex.Match(html, $"value=\"(\\d+)\" id=\"p-\\d+\" aria-label=\"{name} 선택\"").Groups[1].Value;
        Assert.That(version, Is.Not.Empty, "the page carries the index version");
        Assert.That(position, Is.Not.Empty, $"{name} is on the search page");
        var token = await session.TokenAsync(Search);
        return await session.Client.PostAsync(new Uri(Search + "/add", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["v"] = version, ["p"] = position, ["reason"] = reason,
        }));
    }

    [GeneratedRegex("name=\"v\" value=\"([^\"]+)\"")]
    private static partial Regex Version();
}
