using BlindSpot.Core.Catalog;
using BlindSpot.Dispatch.Worklists;
using BlindSpot.Testing;
using static BlindSpot.Dispatch.Tests.TestSupport.DispatchScenario;

namespace BlindSpot.Dispatch.Tests;

/// <summary>Catalog rule cohorts (특정 위기 변수 조건 대상자): people meeting a cohort's conditions, listed beside the model.</summary>
public sealed partial class DispatcherTests
{
    private const string SchoolCohort = "child_vaccination_school_absence";
    private const string ElectricityCohort = "lonely_death_electricity_drop_arrears";

    [Test]
    public async Task Dispatch_ChildCohort_ListsExactlyTheChildrenMeetingBothConditions()
    {
        var scenario = await CreateAsync(root);
        // Children are 가구원 of households 3, 6, 9 … (ranked in that order). Both conditions: 03 (the model takes them
        // anyway), 30 and 39 (exactly at the bounds); one condition only: 33 (absence too short), 36 (one vaccination).
        await WriteChildFeedsAsync(scenario, ("가구원03", 2, 45), ("가구원30", 3, 40), ("가구원33", 2, 29), ("가구원36", 1, 60), ("가구원39", 2, 30));
        var options = CohortOptions(childQuota: 5, (SchoolCohort, 3));

        var (summary, entries) = await RunAsync(options);

        var child = entries.Where(e => e.Variant == Variant.Child).ToList();
        Assert.That(child.Where(e => e.SelectedBy == "rule").Select(e => e.Name), Is.EquivalentTo(new[] { "가구원30", "가구원39" }), "members the model left out, no one else");
        // The model takes 5 − 3 = 2 first (03, 06); the cohort finds only 2 members it did not list; the model fills the third place (09).
        Assert.That(child.Where(e => e.SelectedBy == "model").Select(e => e.Name), Is.EquivalentTo(new[] { "가구원03", "가구원06", "가구원09" }));
        Assert.That(summary.Variants["child"].Cohorts[SchoolCohort], Is.EqualTo(new DispatchSummary.CohortSummary(3, 3, 2)));
        var rule = Catalog.Cohorts.Single(c => c.Code == SchoolCohort).ReasonKo;
        Assert.That(child.Single(e => e.Name == "가구원30").Reasons[0], Is.EqualTo(rule));
        Assert.That(child.Single(e => e.Name == "가구원03").Reasons, Does.Not.Contain(rule));
        var register = File.ReadAllLines(root.PastDispatches(Quarter)).Skip(1).Select(l => l.Split(',')).Where(f => f[1] == "child").ToList();
        Assert.That(register.Count(f => f[5] == "rule"), Is.EqualTo(2), "the register says who chose them: selected_by rule");
    }

    [Test]
    public async Task Dispatch_HouseholdFeedCondition_NamesEveryoneLivingThere()
    {
        var scenario = await CreateAsync(root);
        // 독거3's household: electricity use down 80 % (and, as every head in the scenario, 8 months of health-insurance
        // arrears); 독거4's down 60 %: not enough.
        await LakeWriter.WriteFeedAsync(root, Quarter, Catalog.GetFeed("electricity_use_change"),
            [Record(scenario["독거3"].HouseholdKey, ("change_pct", -80.0)), Record(scenario["독거4"].HouseholdKey, ("change_pct", -60.0))]);
        var options = CohortOptions(childQuota: 3, (ElectricityCohort, 1));

        var (summary, entries) = await RunAsync(options);

        Assert.That(entries.Where(e => e.SelectedBy == "rule").Select(e => (e.Name, e.Variant)), Is.EqualTo(new[] { ("독거3", Variant.LonelyDeath) }));
        Assert.That(summary.Variants["lonely_death"].Cohorts[ElectricityCohort].Members, Is.EqualTo(1));
    }

    [Test]
    public async Task Dispatch_CohortCountZero_ListsByTheModelOnly()
    {
        var scenario = await CreateAsync(root);
        await WriteChildFeedsAsync(scenario, ("가구원30", 3, 40));

        var (_, entries) = await RunAsync(CohortOptions(childQuota: 3, (SchoolCohort, 0)));

        Assert.That(entries.Where(e => e.SelectedBy == "rule"), Is.Empty);
        Assert.That(entries.Where(e => e.Variant == Variant.Child).Select(e => e.Name), Is.EquivalentTo(new[] { "가구원03", "가구원06", "가구원09" }));
    }

    /// <summary>The test quotas, a reference roster below the scenario's (so cohort counts are not scaled down) and only the given cohorts on.</summary>
    private static DispatchOptions CohortOptions(int childQuota, params (string Code, int Count)[] cohorts)
    {
        var options = Options();
        options.Quotas[Variant.Child].Count = childQuota;
        options.ReferenceRoster = 100;
        foreach (var cohort in Catalog.Cohorts)
        {
            options.CohortCounts[cohort.Code] = cohorts.FirstOrDefault(c => c.Code == cohort.Code).Count;
        }

        return options;
    }

    private async Task WriteChildFeedsAsync(TestSupport.DispatchScenario scenario, params (string Name, int Missed, int AbsenceDays)[] children)
    {
        await LakeWriter.WriteFeedAsync(root, Quarter, Catalog.GetFeed("missed_vaccination"), [.. children.Select(c => Record(scenario[c.Name].Key, ("missed", c.Missed)))]);
        await LakeWriter.WriteFeedAsync(root, Quarter, Catalog.GetFeed("long_school_absence"), [.. children.Select(c => Record(scenario[c.Name].Key, ("days", c.AbsenceDays)))]);
    }

    private static LakeRecordRow Record(long key, (string Column, object Value) value) =>
        new(key, new Dictionary<string, object> { ["event_date"] = new DateOnly(2026, 8, 31), [value.Column] = value.Value });
}
