using System.Net;
using BlindSpot.Portal.Cases;
using BlindSpot.Portal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace BlindSpot.Portal.Tests.Endpoints;

/// <summary>
/// A run dispatched late (배부일 2026-10-20, three weeks after the quarter ended): the officer's worklist, case list and
/// case pages count the 60 days from the dispatch date, not from the quarter's end, and the overdue banner follows it
/// on the portal's clock.
/// </summary>
[NonParallelizable]
public sealed class LateDispatchTests
{
    private static readonly DateOnly Dispatched = new(2026, 10, 20);
    private PortalData data = null!;
    private ManualTime clock = null!;
    private PortalFactory factory = null!;
    private PortalSession jongno = null!;

    [SetUp]
    public async Task StartPortal()
    {
        data = await PortalData.CreateAsync(dispatchDate: Dispatched);
        // 2026-12-17 09:00 KST: past the quarter's end + 60 days (2026-11-29), two days before the late run's due date.
        clock = new ManualTime(new DateTimeOffset(2026, 12, 17, 0, 0, 0, TimeSpan.Zero));
        factory = new PortalFactory(data, database: null, services: s => s.AddSingleton<TimeProvider>(clock));
        jongno = await factory.SignedInAsync("officer-11110");
    }

    [TearDown]
    public async Task StopPortal()
    {
        jongno.Dispose();
        await factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        data.Dispose();
    }

    [Test]
    public async Task WorklistPage_LateRun_ShowsTheDispatchDateAndTheDueDateFromIt_NotOverdue()
    {
        var page = await TextAsync("/officer/11110/2026Q3");
        var overview = await TextAsync("/officer");

        Assert.That(page, Does.Contain("배부일 2026-10-20 · 회신 기한 2026-12-19 (D-2)"));
        Assert.That(page, Does.Not.Contain("class=\"overdue\"").And.Not.Contain("2026-11-29"));
        Assert.That(overview, Does.Contain("2026-12-19 (D-2)"));
    }

    [Test]
    public async Task WorklistPage_PastTheLateRunsDueDate_ShowsTheOverdueBanner()
    {
        clock.Advance(TimeSpan.FromDays(4));
        // Four days on, the session has ended: sign in again.
        jongno.Dispose();
        jongno = await factory.SignedInAsync("officer-11110");

        var page = await TextAsync("/officer/11110/2026Q3");

        Assert.That(page, Does.Contain("회신 기한 2026-12-19이 2일 지났습니다 (D+2): 아직 회신하지 않은 대상자 3명 (배부일 2026-10-20)"));
    }

    [Test]
    public async Task CaseListAndCase_LateRun_DueFromTheDispatchDate_ThenOverdue()
    {
        var list = await TextAsync("/cases/2026Q3");
        var one = await TextAsync($"/cases/2026Q3/{data.Of(PortalData.Jongno)[0].WorklistId}");
        clock.Advance(TimeSpan.FromDays(3));
        jongno.Dispose();
        jongno = await factory.SignedInAsync("officer-11110");
        var late = await TextAsync("/cases/2026Q3");

        Assert.That(list, Does.Contain("배부일 2026-10-20 · 회신 기한 2026-12-19 (D-2)").And.Not.Contain("기한 지난 사례 보기"));
        Assert.That(one, Does.Contain("배부일 2026-10-20").And.Contain("회신 기한 2026-12-19 (D-2)"));
        Assert.That(late, Does.Contain("회신 기한이 지났는데 결과가 없는 사례 3건 (배부일 2026-10-20, 회신 기한 2026-12-19, D+1)"));
        var c = await factory.Services.GetRequiredService<ICaseStore>().FindAsync(data.Of(PortalData.Jongno)[0].WorklistId, CancellationToken.None);
        Assert.That(c!.Due, Is.EqualTo(new DateOnly(2026, 12, 19)), "the case inherits the worklist entry's due date");
    }

    private async Task<string> TextAsync(string path)
    {
        using var response = await jongno.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        return await response.Content.ReadAsStringAsync();
    }
}
