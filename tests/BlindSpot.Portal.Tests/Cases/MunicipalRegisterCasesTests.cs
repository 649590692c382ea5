using System.Globalization;
using System.Net;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Register;
using BlindSpot.Portal.Cases;
using BlindSpot.Portal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace BlindSpot.Portal.Tests.Cases;

/// <summary>
/// Cases without a worklist row — carried over under continued management (지속관리) and made from a report (신고) — get
/// their contacts from the identity vault through Dispatch and a row on the municipal register, so the result an
/// officer records becomes a label saying how the person was selected; someone no longer a resident of the 시군구 gets
/// neither. A case marked for continued management after the next quarter's cases were made is carried at once, once.
/// Embedded store; the people are <see cref="ReportScenario"/>'s (김철수 serial 12 and 홍길동 serial 11 of 종로구, 최수원 serial
/// 21 of 수원시).
/// </summary>
[NonParallelizable]
public sealed class MunicipalRegisterCasesTests
{
    private static readonly Quarter Q3 = Quarter.Parse("2026Q3", CultureInfo.InvariantCulture);
    private static readonly DateTimeOffset Now = new(2026, 10, 20, 1, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task CarriedResident_ShowsVaultContacts_AndItsResultBecomesALabelSelectedByCarried_TheOneWhoMovedNeither()
    {
        using var data = await PortalData.CreateAsync();
        await ReportScenario.WriteAsync(data);
        await using var factory = Factory(data);
        var store = factory.Services.GetRequiredService<ICaseStore>();
        await store.AddAsync([Before(901, 12, continued: true), Before(902, 21, continued: true)], "system", Now, CancellationToken.None);
        using var officer = await factory.SignedInAsync("officer-11110");

        await officer.GetAsync("/cases/2026Q3");
        var carried = (await store.ListAsync(new CaseQuery { Quarter = "2026Q3", SigunguCode = PortalData.Jongno, Origin = CaseOrigin.Continued, Sort = "id" }, CancellationToken.None)).Rows;
        var resident = carried.Single(c => c.PersonKey == Key(12));
        var moved = carried.Single(c => c.PersonKey == Key(21));
        var residentPage = await officer.Client.GetStringAsync(new Uri($"/cases/2026Q3/{resident.CaseId}", UriKind.Relative));
        var movedPage = await officer.Client.GetStringAsync(new Uri($"/cases/2026Q3/{moved.CaseId}", UriKind.Relative));
        var sheet = await officer.Client.GetStringAsync(new Uri($"/cases/2026Q3/{resident.CaseId}/sheet", UriKind.Relative));
        using var supported = await PostAsync(officer, $"/cases/2026Q3/{resident.CaseId}", "status", new() { ["status"] = CaseStatus.Supported, ["channel"] = "방문", ["date"] = "2026-10-18" });
        using var notEligible = await PostAsync(officer, $"/cases/2026Q3/{moved.CaseId}", "status", new() { ["status"] = CaseStatus.NotEligible, ["channel"] = "전화", ["date"] = "2026-10-18" });

        Assert.That(residentPage, Does.Contain("서울 종로구 율곡로 12").And.Contain("010-1000-0012").And.Contain("학습 라벨에 반영됩니다"));
        Assert.That(sheet, Does.Contain("010-1000-0012"), "the visit sheet carries them too");
        Assert.That(movedPage, Does.Not.Contain("010-1000-0021").And.Contain("결과는 이 사례에만 기록됩니다"), "a resident of another 시군구: no contacts, no label");
        Assert.That((supported.StatusCode, notEligible.StatusCode), Is.EqualTo((HttpStatusCode.Redirect, HttpStatusCode.Redirect)), "both results are recorded on their cases");
        Assert.That((await store.FindAsync(moved.CaseId, CancellationToken.None))!.Status, Is.EqualTo(CaseStatus.NotEligible));
        Assert.That((MunicipalRegister.Holds(data.Root, Q3, resident.CaseId), MunicipalRegister.Holds(data.Root, Q3, moved.CaseId)), Is.EqualTo((true, false)));
        var labels = await LabelRows.ReadAsync(data.Root, Q3);
        Assert.That(labels, Is.EquivalentTo(new[] { (Key(12), "supported", MunicipalRegister.Carried) }));
    }

    [Test]
    public async Task ReportCase_ResultBecomesALabelSelectedByReport_WithTheVaultContactsOnThePage()
    {
        using var data = await PortalData.CreateAsync();
        await ReportScenario.WriteAsync(data);
        await using var factory = Factory(data);
        using var analyst = await factory.SignedInAsync("analyst");
        var token = await analyst.TokenAsync("/analyst/reports");
        using var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(ReportScenario.Csv()));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("2026Q3"), "quarter" },
            { file, "file", "reports.csv" },
        };
        using var import = await analyst.Client.PostAsync(new Uri("/analyst/reports", UriKind.Relative), form);
        var store = factory.Services.GetRequiredService<ICaseStore>();
        var kim = (await store.OfPersonAsync(Key(12), CancellationToken.None)).Single();
        using var officer = await factory.SignedInAsync("officer-11110");
        var page = await officer.Client.GetStringAsync(new Uri($"/cases/2026Q3/{kim.CaseId}", UriKind.Relative));

        using var result = await PostAsync(officer, $"/cases/2026Q3/{kim.CaseId}", "status", new() { ["status"] = CaseStatus.Unreachable, ["channel"] = "방문", ["date"] = "2026-10-18" });

        Assert.That(import.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(kim.Origin, Is.EqualTo(CaseOrigin.Report));
        Assert.That(page, Does.Contain("<p id=\"contacts\">주소: 서울 종로구 율곡로 12 · 전화: <span class=\"tel\">010-1000-0012</span></p>"), "the contacts section, not only the reasons");
        Assert.That(result.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var labels = await LabelRows.ReadAsync(data.Root, Q3);
        Assert.That(labels, Is.EquivalentTo(new[] { (Key(12), "unreachable", MunicipalRegister.Report) }));
    }

    [Test]
    public async Task ContinuedCareSetAfterTheNextQuarterWasMade_CarriesTheCaseAtOnce_AndOnlyOnce()
    {
        using var data = await PortalData.CreateAsync();
        await ReportScenario.WriteAsync(data);
        await using var factory = Factory(data);
        var store = factory.Services.GetRequiredService<ICaseStore>();
        await store.AddAsync([Before(903, 12, continued: false), Before(904, 11, continued: false) with { Status = CaseStatus.Closed }], "system", Now, CancellationToken.None);
        using var officer = await factory.SignedInAsync("officer-11110");
        await officer.GetAsync("/cases/2026Q3");
        Assert.That(await store.CountAsync("2026Q3", PortalData.Jongno, CaseOrigin.Continued, CancellationToken.None), Is.Zero, "nothing marked when 2026Q3 was made");

        foreach (var on in new[] { "1", "0", "1" })
        {
            using var marked = await PostAsync(officer, "/cases/2026Q2/2026Q2-11110-H-000903", "continued", new() { ["on"] = on });
            Assert.That(marked.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        }

        using var closed = await PostAsync(officer, "/cases/2026Q2/2026Q2-11110-H-000904", "continued", new() { ["on"] = "1" });

        var carried = (await store.ListAsync(new CaseQuery { Quarter = "2026Q3", SigunguCode = PortalData.Jongno, Origin = CaseOrigin.Continued }, CancellationToken.None)).Rows;
        Assert.That(carried.Select(c => (c.CaseId, c.PersonKey, c.EupmyeondongCode, c.ContinuedCare)), Is.EqualTo(new[] { ("2026Q3-11110-K-000001", (long?)Key(12), "11110520", true) }),
            "carried once, however often it is marked; the closed case stays behind");
        Assert.That(carried[0].Reasons[0], Is.EqualTo("지속관리: 2026Q2 사례 2026Q2-11110-H-000903에서 이월"));
        Assert.That(await store.ContactsAsync(carried[0].CaseId, CancellationToken.None), Is.EqualTo(("서울 종로구 율곡로 12", "010-1000-0012")));
    }

    private static PortalFactory Factory(PortalData data) => new(data, database: null, services: s => s.AddSingleton<TimeProvider>(new ManualTime(Now)));

    private static long Key(int serial) => Pseudonymizer.ForSampleData().Person(PortalData.ResidentNumber(serial)).Value;

    private static CaseRecord Before(int serial, int person, bool continued) => Some.Case(PortalData.Jongno, serial) with
    {
        CaseId = $"2026Q2-11110-H-{serial:D6}", Quarter = "2026Q2", PersonKey = Key(person), ContinuedCare = continued, Status = CaseStatus.Contacted, EupmyeondongCode = "11110520",
    };

    private static async Task<HttpResponseMessage> PostAsync(PortalSession session, string caseUrl, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await session.TokenAsync(caseUrl);
        return await session.Client.PostAsync(new Uri($"{caseUrl}/{action}", UriKind.Relative), new FormUrlEncodedContent(fields));
    }
}
