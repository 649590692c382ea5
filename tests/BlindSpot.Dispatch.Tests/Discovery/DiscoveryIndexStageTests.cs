using System.Text;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Regions;
using BlindSpot.Core.Stages;
using BlindSpot.Dispatch.Discovery;
using BlindSpot.Dispatch.Outcomes;
using BlindSpot.Testing;
using Parquet;

namespace BlindSpot.Dispatch.Tests.Discovery;

/// <summary>The discovery index on <see cref="DiscoveryQuarter"/>, whose every expectation is written out there by hand.</summary>
public sealed class DiscoveryIndexStageTests
{
    private static readonly FeedCatalog Catalog = FeedCatalog.LoadDefault();
    private static readonly RegionRegistry Regions = RegionRegistry.LoadDefault();
    private DataRoot root = null!;

    [SetUp]
    public void CreateRoot() => root = new DataRoot(Directory.CreateTempSubdirectory("blindspot-discovery-").FullName);

    [TearDown]
    public void DeleteRoot() => Directory.Delete(root.Path, recursive: true);

    public static DispatchOptions Options() => new()
    {
        Quotas = new()
        {
            [Variant.Household] = new VariantQuota { Count = DiscoveryQuarter.Quotas[Variant.Household], ScaleWithRoster = false },
            [Variant.Child] = new VariantQuota { Count = DiscoveryQuarter.Quotas[Variant.Child], ScaleWithRoster = false },
            [Variant.LonelyDeath] = new VariantQuota { Count = DiscoveryQuarter.Quotas[Variant.LonelyDeath], ScaleWithRoster = false },
        },
    };

    private async Task<StageOutcome> IndexAsync(IReadOnlyList<(string, string)>? dispatched = null)
    {
        await DiscoveryQuarter.WriteAsync(root, Catalog, dispatched ?? [(DiscoveryQuarter.Resident(1, 40), "11110"), (DiscoveryQuarter.Resident(2, 40), "41110")], writeRegister: true);
        return await Stage().RunAsync(new StageRun(root, DiscoveryQuarter.Quarter, new Dictionary<string, string>(), null), CancellationToken.None);
    }

    private static DiscoveryIndexStage Stage() => new(Catalog, Regions, Options(), DiscoveryQuarter.Keys);

    private DiscoveryIndex Read(string sigungu) => DiscoveryIndexFile.Read(root.DiscoveryIndex(DiscoveryQuarter.Quarter, sigungu));

    [Test]
    public async Task RunAsync_TinyQuarter_IndexesEveryNotDispatchedResidentWithARecord_AndOnlyThem()
    {
        var outcome = await IndexAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Read("11110").People.Select(p => p.Name), Is.EquivalentTo(DiscoveryQuarter.JongnoIndexed), "not the dispatched 발굴1, 조여덟 (no record) or 서열 (deceased)");
            Assert.That(Read("41110").People.Select(p => p.Name), Is.EqualTo(new[] { "문열하나" }), "not the dispatched 발굴2");
            Assert.That(Read("26110").People, Is.Empty, "a 시군구 without people still gets its (empty) file");
            Assert.That(Directory.GetFiles(root.DiscoveryFolder(DiscoveryQuarter.Quarter), "*.bin"), Has.Length.EqualTo(Regions.Sigungu.Count));
            Assert.That(outcome.Counts["indexed"], Is.EqualTo(5));
            Assert.That(outcome.Counts["missingIdentity"], Is.Zero);
            Assert.That(outcome.Counts["sigungu"], Is.EqualTo(Regions.Sigungu.Count));
        });
    }

    [Test]
    public async Task RunAsync_TinyQuarter_EachRowHoldsTheHandCheckedFacts()
    {
        await IndexAsync();
        var index = Read("11110");
        var feeds = index.FeedCodes.ToList();
        DiscoveryPerson P(string name) => index.People.Single(p => p.Name == name);
        int V(Variant v) => index.Variants.ToList().IndexOf(v);

        Assert.Multiple(() =>
        {
            var kang = P("강여섯");
            Assert.That((kang.Age, kang.Sex, kang.Eupmyeondong, kang.HouseholdSize), Is.EqualTo((70, 'F', "11110505", 1)));
            Assert.That(kang.Traits, Is.EqualTo(HouseholdTraits.SinglePerson | HouseholdTraits.WithElder | HouseholdTraits.ElderOnly));
            Assert.That(kang.Feeds, Is.EqualTo(1UL << feeds.IndexOf("electricity_cutoff")));
            Assert.That(kang.Records, Is.EqualTo(1));
            Assert.That((kang.Grades[V(Variant.Household)], kang.Grades[V(Variant.Child)], kang.Grades[V(Variant.LonelyDeath)]), Is.EqualTo((DiscoveryGrade.High, DiscoveryGrade.None, DiscoveryGrade.High)));
            Assert.That(kang.MaskedResidentNumber, Does.EndWith("******").And.StartWith(DiscoveryQuarter.Resident(101, 70)[..8]));
            Assert.That(kang.FullResidentNumber, Is.Null, "readers outside Dispatch never get the whole number");
            Assert.That(kang.Address, Is.EqualTo("서울특별시 종로구 자하문로 3"), "her vault row (the third, after the two dispatched), as a worklist");

            var (mother, child) = (P("윤일곱"), P("윤아이"));
            Assert.That(mother.HouseholdKey, Is.EqualTo(child.HouseholdKey));
            Assert.That((mother.Traits, mother.HouseholdSize), Is.EqualTo((HouseholdTraits.WithChild, 2)));
            Assert.That(child.Feeds, Is.EqualTo(1UL << feeds.IndexOf("health_insurance_arrears")), "a household feed marks every member");
            Assert.That(mother.Grades[V(Variant.Household)], Is.EqualTo(DiscoveryGrade.Middle), "household rank 4 of quota 1");
            Assert.That(child.Grades[V(Variant.Child)], Is.EqualTo(DiscoveryGrade.High));

            Assert.That(P("한아홉").Feeds, Is.EqualTo(1UL << feeds.IndexOf("loan_arrears")), "a person feed marks the person only");
        });
    }

    [Test]
    public async Task RunAsync_HouseholdDispatchedAsAHousehold_LeavesOutEveryMember()
    {
        await IndexAsync();
        var register = root.PastDispatches(DiscoveryQuarter.Quarter);
        File.AppendAllText(register, $"2026Q3,household,{DiscoveryQuarter.Resident(102, 35)},H000000102,11110,model,0.5,2026Q3-11110-H-000009\n", Encoding.UTF8);

        await Stage().RunAsync(new StageRun(root, DiscoveryQuarter.Quarter, new Dictionary<string, string>(), null), CancellationToken.None);

        Assert.That(Read("11110").People.Select(p => p.Name), Is.EquivalentTo(new[] { "강여섯", "한아홉" }), "윤아이 is on her mother's household entry");
    }

    [Test]
    public async Task RunAsync_Twice_WritesTheSameBytes()
    {
        await IndexAsync();
        var first = File.ReadAllBytes(root.DiscoveryIndex(DiscoveryQuarter.Quarter, "11110"));

        await Stage().RunAsync(new StageRun(root, DiscoveryQuarter.Quarter, new Dictionary<string, string>(), null), CancellationToken.None);

        Assert.That(File.ReadAllBytes(root.DiscoveryIndex(DiscoveryQuarter.Quarter, "11110")), Is.EqualTo(first));
    }

    [Test]
    public async Task Read_CutFile_IsADataErrorNamingTheFile()
    {
        await IndexAsync();
        var path = root.DiscoveryIndex(DiscoveryQuarter.Quarter, "11110");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        Assert.That(() => DiscoveryIndexFile.Read(path), Throws.InstanceOf<Core.Errors.DataErrorException>().With.Message.Contains(path));
    }

    [Test]
    public async Task OwnDiscoveryRegister_ThenAnOutcome_IsImportedAsALabelSelectedByOwn()
    {
        await IndexAsync();
        var kang = Read("11110").People.Single(p => p.Name == "강여섯");
        const string CaseId = "2026Q3-11110-S-000001";
        await OwnDiscoveryRegister.AddAsync(root, DiscoveryQuarter.Quarter, "11110", CaseId, kang.PersonKey, Variant.LonelyDeath, CancellationToken.None);
        await OwnDiscoveryRegister.AddAsync(root, DiscoveryQuarter.Quarter, "11110", CaseId, kang.PersonKey, Variant.LonelyDeath, CancellationToken.None);
        var upload = Path.Combine(root.Path, "case.csv");
        File.WriteAllText(upload, $"워크리스트ID,결과코드,확인일자\n{CaseId},{OutcomeCode.Parse("지원연계")},2026-10-05\n", new UTF8Encoding(true));

        var result = await new OutcomeImporter(DiscoveryQuarter.Keys, new FixedClock()).ImportAsync(root, DiscoveryQuarter.Quarter, upload, sigungu: "11110");

        Assert.Multiple(async () =>
        {
            Assert.That(File.ReadAllLines(root.OwnDiscoveries(DiscoveryQuarter.Quarter)), Has.Length.EqualTo(2), "header and one entry: a second add of the case changes nothing");
            Assert.That(result.Rows.Single().Accepted, Is.True, result.Rows.Single().Message);
            var labels = await ReadLabelsAsync();
            Assert.That(labels, Does.Contain((kang.PersonKey, "lonely_death", OwnDiscoveryRegister.SelectedBy)));
        });
    }

    [Test]
    public async Task OwnDiscoveryRegister_SomeoneNotInTheIndex_IsRefused()
    {
        await IndexAsync();

        Assert.That(() => OwnDiscoveryRegister.AddAsync(root, DiscoveryQuarter.Quarter, "11110", "2026Q3-11110-S-000001", 12345, Variant.Household, CancellationToken.None),
            Throws.InvalidOperationException.With.Message.Contains("not in the 2026Q3 discovery index"));
    }

    private async Task<List<(long, string, string)>> ReadLabelsAsync()
    {
        await using var reader = await ParquetReader.CreateAsync(root.Labels(DiscoveryQuarter.Quarter));
        using var group = reader.OpenRowGroupReader(0);
        var fields = reader.Schema.DataFields;
        var keys = new long[group.RowCount];
        var variants = new string?[group.RowCount];
        var selected = new string?[group.RowCount];
        await group.ReadAsync(fields.First(f => f.Name == "person_key"), keys.AsMemory());
        await group.ReadAsync(fields.First(f => f.Name == "variant"), variants.AsMemory());
        await group.ReadAsync(fields.First(f => f.Name == "selected_by"), selected.AsMemory());
        return [.. keys.Select((k, i) => (k, variants[i]!, selected[i]!))];
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    }
}
