using BlindSpot.Core.Quarters;
using BlindSpot.Portal.Cases;
using BlindSpot.Portal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace BlindSpot.Portal.Tests.Cases;

/// <summary>A quarter's worklist becoming cases: once, with the lonely-death list and open continued-management cases of the quarter before marked or carried over.</summary>
[NonParallelizable]
public sealed class CaseBookTests
{
    private static readonly Quarter Q3 = Quarter.Parse("2026Q3", System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public async Task EnsureAsync_Twice_MakesTheWorklistCasesOnce_WithPersonKeys_AndLonelyDeathUnderContinuedCare()
    {
        using var data = await PortalData.CreateAsync();
        await using var factory = new PortalFactory(data, database: null);
        var book = factory.Services.GetRequiredService<CaseBook>();

        Assert.That(await book.EnsureAsync(Q3, PortalData.Suwon, CancellationToken.None), Is.True);
        Assert.That(await book.EnsureAsync(Q3, PortalData.Suwon, CancellationToken.None), Is.True);
        Assert.That(await book.EnsureAsync(Q3, "26110", CancellationToken.None), Is.False, "no worklist, no cases");

        var page = await book.Store.ListAsync(new CaseQuery { Quarter = "2026Q3", SigunguCode = PortalData.Suwon, Sort = "id" }, CancellationToken.None);
        var entries = data.Of(PortalData.Suwon);
        Assert.That(page.Rows.Select(c => (c.CaseId, c.PersonKey, c.ContinuedCare)),
            Is.EqualTo(entries.OrderBy(e => e.WorklistId, StringComparer.Ordinal).Select(e => (e.WorklistId, (long?)e.PersonKey, e.Variant == Core.Catalog.Variant.LonelyDeath))));
    }

    [Test]
    public async Task EnsureAsync_CarriesOpenContinuedCasesOfTheQuarterBefore_AndMarksThosePeopleDispatchedAgain()
    {
        using var data = await PortalData.CreateAsync();
        await using var factory = new PortalFactory(data, database: null);
        var book = factory.Services.GetRequiredService<CaseBook>();
        var again = data.Of(PortalData.Jongno)[1];
        CaseRecord Before(int serial, long person, bool continued, string status) => Some.Case(PortalData.Jongno, serial) with
        {
            CaseId = $"2026Q2-11110-H-{serial:D6}", Quarter = "2026Q2", PersonKey = person, ContinuedCare = continued, Status = status, EupmyeondongCode = "11110520",
        };
        await book.Store.AddAsync(
        [
            Before(901, 1, true, CaseStatus.Counselling), Before(902, 2, true, CaseStatus.Closed), Before(903, 3, false, CaseStatus.Assigned), Before(904, again.PersonKey, true, CaseStatus.Contacted),
        ], "system", DateTimeOffset.UnixEpoch, CancellationToken.None);

        await book.EnsureAsync(Q3, PortalData.Jongno, CancellationToken.None);

        var cases = (await book.Store.ListAsync(new CaseQuery { Quarter = "2026Q3", SigunguCode = PortalData.Jongno, Sort = "id" }, CancellationToken.None)).Rows;
        var carried = cases.Single(c => c.Origin == CaseOrigin.Continued);
        Assert.That(cases, Has.Count.EqualTo(4), "three dispatched, one carried over (the closed and the unmarked stay behind)");
        Assert.That((carried.CaseId, carried.PersonKey, carried.EupmyeondongCode, carried.Status, carried.ContinuedCare),
            Is.EqualTo(("2026Q3-11110-K-000001", (long?)1, "11110520", CaseStatus.Assigned, true)));
        Assert.That(carried.Reasons[0], Is.EqualTo("지속관리: 2026Q2 사례 2026Q2-11110-H-000901에서 이월"));
        Assert.That(carried.PreviousQuarters, Does.Contain("2026Q2"));
        var dispatchedAgain = cases.Single(c => c.CaseId == again.WorklistId);
        Assert.That((dispatchedAgain.ContinuedCare, dispatchedAgain.EupmyeondongCode), Is.EqualTo((true, "11110520")));
    }

    [Test]
    public async Task EnsureAsync_CarriedOverCase_IsDueFromTheNewQuartersDispatchDate()
    {
        // 2026Q3 dispatched late, on 2026-10-20: its list, and the case carried into it, are due 2026-12-19.
        using var data = await PortalData.CreateAsync(dispatchDate: new DateOnly(2026, 10, 20));
        await using var factory = new PortalFactory(data, database: null);
        var book = factory.Services.GetRequiredService<CaseBook>();
        await book.Store.AddAsync(
            [Some.Case(PortalData.Jongno, 901) with { CaseId = "2026Q2-11110-H-000901", Quarter = "2026Q2", PersonKey = 1, ContinuedCare = true, Status = CaseStatus.Counselling, Due = new DateOnly(2026, 8, 29) }],
            "system", DateTimeOffset.UnixEpoch, CancellationToken.None);

        await book.EnsureAsync(Q3, PortalData.Jongno, CancellationToken.None);

        var cases = (await book.Store.ListAsync(new CaseQuery { Quarter = "2026Q3", SigunguCode = PortalData.Jongno, Sort = "id" }, CancellationToken.None)).Rows;
        Assert.That(cases.Single(c => c.Origin == CaseOrigin.Continued).Due, Is.EqualTo(new DateOnly(2026, 12, 19)));
        Assert.That(cases.Where(c => c.Origin == CaseOrigin.Dispatch).Select(c => c.Due), Has.All.EqualTo(new DateOnly(2026, 12, 19)));
    }
}
