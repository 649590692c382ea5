using System.Security.Cryptography;
using System.Text;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Regions;
using BlindSpot.Dispatch.Selection;
using BlindSpot.Dispatch.Tests.TestSupport;
using BlindSpot.Dispatch.Worklists;
using BlindSpot.Testing;
using static BlindSpot.Dispatch.Tests.TestSupport.DispatchScenario;

namespace BlindSpot.Dispatch.Tests;

public sealed partial class DispatcherTests
{
    private static readonly RegionRegistry Regions = RegionRegistry.LoadDefault();
    private DataRoot root = null!;

    [SetUp]
    public void CreateRoot() => root = new DataRoot(Directory.CreateTempSubdirectory("blindspot-dispatch-").FullName);

    [TearDown]
    public void DeleteRoot() => Directory.Delete(root.Path, recursive: true);

    [Test]
    public async Task Dispatch_MeetsEachQuotaWithOneEntryPerPerson()
    {
        await CreateAsync(root);

        var (summary, entries) = await RunAsync(Options());

        Assert.That(summary.Variants["household"].Selected, Is.EqualTo(10));
        Assert.That(summary.Variants["household"].ModelVersion, Is.EqualTo("test-model"), "read from the scores file's metadata");
        Assert.That(summary.Variants["child"].Selected, Is.EqualTo(3));
        Assert.That(summary.Variants["lonely_death"].Selected, Is.EqualTo(3));
        Assert.That(entries.Select(e => e.MaskedResidentNumber + e.Name), Is.Unique);
    }

    [Test]
    public async Task Dispatch_HouseholdVariant_OneEntryPerHouseholdWithTheOthersListed()
    {
        var scenario = await CreateAsync(root);

        var (summary, entries) = await RunAsync(Options(HouseholdFirst));

        var household = entries.Where(e => e.Variant == Variant.Household).ToList();
        Assert.That(household.Select(e => e.Name), Does.Not.Contain("가구원01"), "the head ranks higher and is the contact");
        Assert.That(summary.Variants["household"].Excluded.GetValueOrDefault(nameof(ExclusionReason.HouseholdAlreadyListed)), Is.Zero, "members rank below every head here");
        var first = household.Single(e => e.Name == "가구주01");
        Assert.That(first.OtherMembers, Has.Count.EqualTo(1));
        Assert.That(first.OtherMembers[0], Does.StartWith("가구원01 (").And.EndWith("******)"));
        Assert.That(first.OtherMembers[0], Does.Not.Contain(scenario["가구원01"].ResidentNumber));
    }

    [Test]
    public async Task Dispatch_SecondMemberOfAListedHousehold_IsSkipped()
    {
        await CreateAsync(root, s => s.Add("동거인01", "26110000001", "26110", age: 50, score: 0.999f));

        var (summary, entries) = await RunAsync(Options(HouseholdFirst));

        Assert.That(entries.Where(e => e.Variant == Variant.Household).Select(e => e.Name), Does.Contain("동거인01").And.Not.Contain("가구주01"));
        Assert.That(summary.Variants["household"].Excluded[nameof(ExclusionReason.HouseholdAlreadyListed)], Is.EqualTo(1));
    }

    [Test]
    public async Task Dispatch_PersonOnTheHouseholdList_IsNotOnTheLonelyDeathList()
    {
        await CreateAsync(root);
        // The order before issue #20, household first, still available from configuration.
        var options = Options(HouseholdFirst);

        var (summary, entries) = await RunAsync(options);

        Assert.That(entries.Where(e => e.Name == "가구주01"), Has.Exactly(1).Items);
        Assert.That(summary.Variants["lonely_death"].Excluded[nameof(ExclusionReason.OnAnotherList)], Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task Dispatch_DefaultPriority_LonelyDeathListChoosesBeforeTheHouseholdList()
    {
        await CreateAsync(root);

        var (summary, entries) = await RunAsync(Options());

        // 가구주01 ranks first on both lists: the lonely-death list, chosen first, keeps them (and 독거1, 독거2, who are
        // adults on the household ranking too).
        Assert.That(entries.Single(e => e.Name == "가구주01").Variant, Is.EqualTo(Variant.LonelyDeath));
        Assert.That(entries.Where(e => e.Variant == Variant.LonelyDeath).Select(e => e.Name), Is.EquivalentTo(new[] { "가구주01", "독거1", "독거2" }));
        Assert.That(summary.Variants["household"].Excluded[nameof(ExclusionReason.OnAnotherList)], Is.EqualTo(3));
        Assert.That(summary.Variants.Keys, Is.EqualTo(new[] { "household", "child", "lonely_death" }), "the summary lists variants in one fixed order");
    }

    [Test]
    public async Task Dispatch_HouseholdOfAListedChild_IsNotVisitedAgainByTheHouseholdList()
    {
        await CreateAsync(root);

        var (summary, entries) = await RunAsync(Options());

        // The child list (chosen before the household list) takes the children of households 3, 6 and 9.
        Assert.That(entries.Where(e => e.Variant == Variant.Child).Select(e => e.Name), Is.EquivalentTo(new[] { "가구원03", "가구원06", "가구원09" }));
        var household = entries.Where(e => e.Variant == Variant.Household).Select(e => e.Name).ToList();
        Assert.That(household, Does.Not.Contain("가구주03").And.Not.Contain("가구주06").And.Not.Contain("가구주09"));
        Assert.That(household, Is.EquivalentTo(new[] { "가구주02", "가구주04", "가구주05", "가구주07", "가구주08", "독거3", "독거4", "가구주10", "독거5", "독거6" }));
        // The heads of 03, 06 and 09 rank within the quota; 가구원01 (household visited for lonely death) ranks below it.
        Assert.That(summary.Variants["household"].Excluded[nameof(ExclusionReason.HouseholdVisited)], Is.EqualTo(3));
    }

    [Test]
    public async Task Dispatch_OneVisitPerHouseholdOff_ListsTheHeadOfAListedChild()
    {
        await CreateAsync(root);
        var options = Options();
        options.OneVisitPerHousehold = false;

        var (summary, entries) = await RunAsync(options);

        Assert.That(entries.Where(e => e.Variant == Variant.Household).Select(e => e.Name), Does.Contain("가구주03"));
        Assert.That(summary.Variants["household"].Excluded.ContainsKey(nameof(ExclusionReason.HouseholdVisited)), Is.False);
    }

    [TestCase("D", nameof(ExclusionReason.Deceased))]
    [TestCase("M", nameof(ExclusionReason.MovedOut))]
    public async Task Dispatch_DeceasedOrMoved_IsExcludedAndCounted(string status, string reason)
    {
        await CreateAsync(root, s => s.People[0].Status = status);

        var (summary, entries) = await RunAsync(Options());

        Assert.That(entries.Select(e => e.Name), Does.Not.Contain("가구주01"));
        Assert.That(summary.Variants["household"].Excluded[reason], Is.EqualTo(1));
        Assert.That(summary.Variants["household"].Selected, Is.EqualTo(10), "the place goes to the next-ranked person");
    }

    [Test]
    public async Task Dispatch_BenefitRecipient_IsExcludedUnlessSwitchedOff()
    {
        await CreateAsync(root, s => s.People[0].BasicLivelihood = true);

        var (excludedSummary, excluded) = await RunAsync(Options());
        var options = Options();
        options.ExcludeBenefitRecipients = false;
        var (_, included) = await RunAsync(options);

        Assert.That(excluded.Select(e => e.Name), Does.Not.Contain("가구주01"));
        Assert.That(excludedSummary.Variants["household"].Excluded[nameof(ExclusionReason.ReceivingBenefit)], Is.EqualTo(1));
        Assert.That(included.Select(e => e.Name), Does.Contain("가구주01"));
    }

    [Test]
    public async Task Dispatch_RecentlyNotEligible_IsExcludedForThatVariant()
    {
        var scenario = await CreateAsync(root);
        await LabelsWriter.WriteAsync(root, Quarter.Previous, [(scenario["가구주02"].Key, "household", "not_eligible"), (scenario["가구주03"].Key, "household", "supported")]);

        var (summary, entries) = await RunAsync(Options(HouseholdFirst));

        Assert.That(entries.Select(e => e.Name), Does.Not.Contain("가구주02").And.Contain("가구주03"));
        Assert.That(summary.Variants["household"].Excluded[nameof(ExclusionReason.RecentlyNotEligible)], Is.EqualTo(1));
    }

    [Test]
    public async Task Dispatch_SigunguCap_SpillsOverToTheNextRankedElsewhere()
    {
        await CreateAsync(root);
        var options = Options();
        options.Quotas[Variant.Household].SigunguCap = 4;

        var (summary, entries) = await RunAsync(options);

        var household = entries.Where(e => e.Variant == Variant.Household).ToList();
        Assert.That(household.GroupBy(e => e.SigunguCode).Select(g => g.Count()), Has.All.LessThanOrEqualTo(4));
        Assert.That(household, Has.Count.EqualTo(8), "two 시군구 × cap 4: the rest of the quota cannot be placed");
        Assert.That(summary.Variants["household"].Excluded[nameof(ExclusionReason.SigunguCap)], Is.GreaterThan(0));
    }

    [Test]
    public async Task Dispatch_RanksWithinSigunguAndBands()
    {
        await CreateAsync(root);

        var (_, entries) = await RunAsync(Options());

        foreach (var group in entries.GroupBy(e => (e.SigunguCode, e.Variant)))
        {
            Assert.That(group.Select(e => e.SigunguRank), Is.EqualTo(Enumerable.Range(1, group.Count())));
            Assert.That(group.Select(e => e.NationalRank), Is.Ordered);
        }

        Assert.That(entries.Where(e => e.Variant == Variant.Household).Select(e => e.RiskBand).Distinct(), Is.EquivalentTo(new[] { "상", "중", "하" }));
    }

    [Test]
    public async Task Dispatch_ReasonsUseTheCatalogTemplateWithLakeValues()
    {
        await CreateAsync(root);

        var (_, entries) = await RunAsync(Options());

        var first = entries.Single(e => e.Name == "가구주01");
        Assert.That(first.Reasons, Is.EqualTo(new[] { "건강보험료 8개월 체납 (1,240,000원)", "위기 지표 3종 동시 발생" }));
    }

    [Test]
    public async Task Dispatch_WorklistFiles_ShowOnlyMaskedNumbersInExcelReadableCsv()
    {
        var scenario = await CreateAsync(root);

        await RunAsync(Options());

        var files = Directory.GetFiles(root.WorklistFolder(Quarter), "*.csv").Order(StringComparer.Ordinal).ToArray();
        Assert.That(files.Select(Path.GetFileName), Is.EqualTo(new[] { "11110.csv", "26110.csv" }));
        var bytes = File.ReadAllBytes(files[0]);
        Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 BOM so Excel shows Korean");
        var text = Encoding.UTF8.GetString(bytes);
        Assert.That(text, Does.StartWith("\uFEFF워크리스트ID,분기,시군구코드,시군구,유형"));
        Assert.That(text, Does.Contain("\"서울특별시 종로구 세종대로"), "an address with a comma is quoted");
        foreach (var person in scenario.People)
        {
            Assert.That(text, Does.Not.Contain(person.ResidentNumber));
        }

        Assert.That(text, Does.Match(@"\d{6}-[1-4]\*{6}"));
    }

    [Test]
    public async Task Dispatch_FormulaLikeText_IsNeutralised()
    {
        await CreateAsync(root, s => s.Add("=HYPERLINK(\"x\")", "11110000999", "11110", age: 50, score: 0.9999f, isHead: true));

        await RunAsync(Options());

        var text = File.ReadAllText(Path.Combine(root.WorklistFolder(Quarter), "11110.csv"));
        Assert.That(text, Does.Contain(",\"'=HYPERLINK(\"\"x\"\")\","));
    }

    [Test]
    public async Task Dispatch_Twice_GivesIdenticalFilesAndNoDuplicates()
    {
        await CreateAsync(root);

        await RunAsync(Options());
        var first = Hashes();
        var (summary, _) = await RunAsync(Options());

        Assert.That(Hashes(), Is.EqualTo(first));
        var register = File.ReadAllLines(root.PastDispatches(Quarter)).Skip(1).ToArray();
        Assert.That(register, Has.Length.EqualTo(summary.Total));
        Assert.That(register.Select(l => l.Split(',')[^1]), Is.Unique);
    }

    [Test]
    public async Task Dispatch_PersonDispatchedLastQuarter_ListsIt()
    {
        var scenario = await CreateAsync(root);
        var previous = root.PastDispatches(Quarter.Previous);
        Directory.CreateDirectory(Path.GetDirectoryName(previous)!);
        File.WriteAllText(previous, $"quarter,variant,resident_no,household_no,sigungu_code,selected_by,rule_score\n2026Q2,household,{scenario["가구주01"].ResidentNumber},x,26110,rule,4\n");

        var (summary, entries) = await RunAsync(Options());

        Assert.That(entries.Single(e => e.Name == "가구주01").PreviousDispatches, Is.EqualTo(new[] { "2026Q2" }));
        Assert.That(summary.OverlapWithPreviousQuarter, Is.EqualTo(1));
    }

    [Test]
    public void Dispatch_NoScores_SaysToScoreFirst()
    {
        var error = Assert.ThrowsAsync<FileNotFoundException>(() => RunAsync(Options()));

        Assert.That(error!.Message, Does.Contain("blindspot ingest"));
    }

    /// <summary>The order before issue #20, for tests of the household list's own rules on people the other lists would take first.</summary>
    private static readonly Variant[] HouseholdFirst = [Variant.Household, Variant.Child, Variant.LonelyDeath];

    private static DispatchOptions Options(IReadOnlyList<Variant>? priority = null) => new()
    {
        Priority = priority ?? new DispatchOptions().Priority,
        Quotas = new()
        {
            [Variant.Household] = new VariantQuota { Count = 10, ScaleWithRoster = false },
            [Variant.Child] = new VariantQuota { Count = 3, ScaleWithRoster = false },
            [Variant.LonelyDeath] = new VariantQuota { Count = 3, ScaleWithRoster = false },
        },
    };

    private async Task<(DispatchSummary Summary, List<WorklistEntry> Entries)> RunAsync(DispatchOptions options)
    {
        var store = new RecordingStore(new FileWorklistStore(root));
        var summary = await new Dispatcher(Catalog, Regions, options, Keys).DispatchAsync(root, Quarter, store);
        return (summary, store.Entries);
    }

    private Dictionary<string, string> Hashes() =>
        Directory.GetFiles(root.WorklistFolder(Quarter)).ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    /// <summary>Keeps what the dispatcher stored, for assertions, and passes it on to the real store.</summary>
    private sealed class RecordingStore(IWorklistStore inner) : IWorklistStore
    {
        public List<WorklistEntry> Entries { get; } = [];

        public string Describe(Core.Quarters.Quarter quarter) => inner.Describe(quarter);

        public async Task ReplaceQuarterAsync(Core.Quarters.Quarter quarter, IReadOnlyList<WorklistEntry> entries, CancellationToken ct)
        {
            Entries.Clear();
            Entries.AddRange(entries);
            await inner.ReplaceQuarterAsync(quarter, entries, ct);
        }
    }
}
