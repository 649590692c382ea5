using BlindSpot.Portal.Tests.TestSupport;

namespace BlindSpot.Portal.Tests.Endpoints;

/// <summary>Roles and 시군구 are named in Korean wherever a page shows them, not by their codes alone.</summary>
[NonParallelizable]
public sealed class KoreanNamesTests
{
    [Test]
    public async Task AccountsPage_AndHeader_NameRolesAndSigunguInKorean()
    {
        using var data = await PortalData.CreateAsync();
        await using var factory = new PortalFactory(data, database: null);
        using var admin = await factory.SignedInAsync("admin");
        using var officer = await factory.SignedInAsync("officer-41110");

        var accounts = await (await admin.GetAsync("/admin/accounts")).Content.ReadAsStringAsync();
        var quarters = await (await officer.GetAsync("/officer")).Content.ReadAsStringAsync();

        Assert.That(accounts, Does.Contain("admin (관리자)"));
        Assert.That(accounts, Does.Contain("<td>officer-11110</td><td>시군구 담당자</td><td>11110 서울특별시 종로구</td><td>사용</td>"));
        Assert.That(accounts, Does.Contain("<td>analyst</td><td>분석가</td>"));
        Assert.That(quarters, Does.Contain("officer-41110 (시군구 담당자 · 41110 경기도 수원시)").And.Contain("<h1>41110 경기도 수원시 분기별 워크리스트</h1>"));
    }
}
