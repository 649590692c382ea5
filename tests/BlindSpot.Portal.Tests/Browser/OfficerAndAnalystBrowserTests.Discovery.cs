using BlindSpot.Portal.Tests.TestSupport;
using Microsoft.Playwright;

namespace BlindSpot.Portal.Tests.Browser;

/// <summary>Own discovery (자체 발굴) in the browser: search, counts, add, open the case; and the page on a 390 px phone.</summary>
public sealed partial class OfficerAndAnalystBrowserTests
{
    [Test]
    public async Task Officer_SearchesOwnDiscovery_SeesCounts_AddsAPerson_AndOpensTheCase()
    {
        await StartPortalAsync();
        await DiscoveryData.WriteAsync(data!);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });

        var officer = await SignInAsync(browser, "officer-11110");
        await officer.GotoAsync($"{address}/cases/2026Q3");
        await officer.ClickAsync("#discovery-link");
        await officer.CheckAsync("#filter-kind input[value='health-insurance']");
        await officer.ClickAsync("#search");
        await Shot(officer, "12-discovery-search");
        Assert.That(await officer.InnerTextAsync("#discovery-count"), Does.Contain("조건에 맞는 사람 2명").And.Contain("관할 위기정보 입수자 4명"));
        Assert.That(await officer.Locator("#people tbody tr").CountAsync(), Is.EqualTo(2));

        await officer.CheckAsync("#people input[aria-label='윤일곱 선택']");
        await officer.FillAsync("#reason", "건강보험료 체납과 아동 양육 확인 필요");
        await officer.ClickAsync("#add");
        Assert.That(await officer.InnerTextAsync("#added"), Does.Contain("2026Q3-11110-S-000001").And.Contain("윤일곱"));
        await officer.ClickAsync("#added a");
        await officer.WaitForURLAsync("**/cases/2026Q3/2026Q3-11110-S-000001");
        await Shot(officer, "13-discovery-case-page");
        Assert.That(await officer.InnerTextAsync("#case-status"), Does.Contain("자체 발굴"));
        Assert.That(await officer.InnerTextAsync("#reasons"), Does.Contain("자체 발굴: 건강보험료 체납과 아동 양육 확인 필요").And.Contain("건강보험료 4개월 체납"));
        Assert.That(await officer.InnerTextAsync("#members"), Does.Contain("윤아이"));

        // A 390 px phone: the search page never scrolls sideways; the people table scrolls in its own box.
        var phone = await SignInAsync(browser, "officer-11110", new ViewportSize { Width = 390, Height = 844 });
        await phone.GotoAsync($"{address}/discovery/11110/2026Q3");
        await Shot(phone, "14-discovery-390px");
        Assert.That(await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(390));
    }
}
