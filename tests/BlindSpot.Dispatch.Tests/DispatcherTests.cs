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

public sealed class DispatcherTests
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

        var (summary, entries) = await RunAsync(Options());

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

        var (summary, entries) = await RunAsync(Options());

        Assert.That(entries.Where(e => e.Variant == Variant.Household).Select(e => e.Name), Does.Contain("동거인01").And.Not.Contain("가구주01"));
        Assert.That(summary.Variants["household"].Excluded[nameof(ExclusionReason.HouseholdAlreadyListed)], Is.EqualTo(1));
    }

    [Test]
    public async Task Dispatch_PersonOnTheHouseholdList_IsNotOnTheLonelyDeathList()
    {
        await CreateAsync(root);

        var (summary, entries) = await RunAsync(Options());

        Assert.That(entries.Where(e => e.Name == "가구주01"), Has.Exactly(1).Items);
        Assert.That(summary.Variants["lonely_death"].Excluded[nameof(ExclusionReason.OnAnotherList)], Is.GreaterThanOrEqualTo(1));
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

        var (summary, entries) = await RunAsync(Options());

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

    private static DispatchOptions Options() => new()
    {
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
