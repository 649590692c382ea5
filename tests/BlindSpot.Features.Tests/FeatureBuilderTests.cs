using System.Security.Cryptography;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Errors;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Runs;
using BlindSpot.Core.Stages;
using BlindSpot.Features.Schema;
using BlindSpot.Features.Tests.TestSupport;
using BlindSpot.Testing;
using static BlindSpot.Features.Tests.TestSupport.SmallQuarter;

namespace BlindSpot.Features.Tests;

public sealed class FeatureBuilderTests
{
    private static readonly FeedCatalog Catalog = FeedCatalog.LoadDefault();
    private DataRoot root = null!;

    [SetUp]
    public void CreateRoot() => root = new DataRoot(Directory.CreateTempSubdirectory("blindspot-features-").FullName);

    [TearDown]
    public void DeleteRoot() => Directory.Delete(root.Path, recursive: true);

    [Test]
    public async Task Build_FeedRules_MatchHandComputedValues()
    {
        await WriteCurrentAsync(root, Catalog);

        var table = await BuildAndReadAsync();

        Assert.Multiple(() =>
        {
            Assert.That(table.Feature(Parent, "telecom_arrears_presence"), Is.EqualTo(1f));
            Assert.That(table.Feature(Parent, "telecom_arrears_count"), Is.EqualTo(2f));
            Assert.That(table.Feature(Parent, "telecom_arrears_max_months"), Is.EqualTo(5f));
            Assert.That(table.Feature(Parent, "telecom_arrears_log_amount"), Is.EqualTo(MathF.Log(1f + 150_000f)).Within(1e-5));
            Assert.That(table.Feature(Child, "telecom_arrears_presence"), Is.EqualTo(0f), "a person feed stays with its person");
            Assert.That(table.Feature(Elder, "local_tax_arrears_sum_log_amount"), Is.EqualTo(MathF.Log(1f + 500_000f)).Within(1e-5));
        });
    }

    [Test]
    public async Task Build_HouseholdFeed_ReachesEveryMemberOnly()
    {
        await WriteCurrentAsync(root, Catalog);

        var table = await BuildAndReadAsync();

        Assert.Multiple(() =>
        {
            Assert.That(table.Feature(Parent, "health_insurance_arrears_max_months"), Is.EqualTo(8f));
            Assert.That(table.Feature(Child, "health_insurance_arrears_max_months"), Is.EqualTo(8f));
            Assert.That(table.Feature(Young, "health_insurance_arrears_presence"), Is.EqualTo(0f), "household C has no record");
            // Event 2026-08-31, as of 2026-09-30: 30 days ≈ 0.99 months.
            Assert.That(table.Feature(Child, "health_insurance_arrears_months_since_latest"), Is.EqualTo(30f / 30.436875f).Within(1e-4));
            Assert.That(table.Feature(Young, "health_insurance_arrears_months_since_latest"), Is.EqualTo(FeatureSchema.NoRecordMonthsSince));
        });
    }

    [Test]
    public async Task Build_HouseholdAndPersonFeatures_MatchHandComputedValues()
    {
        await WriteCurrentAsync(root, Catalog);

        var table = await BuildAndReadAsync();

        Assert.Multiple(() =>
        {
            Assert.That(table.Feature(Child, FeatureNames.HouseholdSize), Is.EqualTo(2f));
            Assert.That(table.Feature(Child, FeatureNames.AnyChild), Is.EqualTo(1f));
            Assert.That(table.Feature(Elder, FeatureNames.AnyElder), Is.EqualTo(1f));
            Assert.That(table.Feature(Elder, FeatureNames.SinglePerson), Is.EqualTo(1f));
            Assert.That(table.Feature(Elder, FeatureNames.BasicLivelihood), Is.EqualTo(1f));
            Assert.That(table.Feature(Parent, FeatureNames.CrisisCount), Is.EqualTo(2f), "telecom (person) + health insurance (household)");
            Assert.That(table.Feature(Child, FeatureNames.CrisisCount), Is.EqualTo(1f), "health insurance (household) only");
            Assert.That(table.Feature(Child, FeatureNames.MembersWithIndicator), Is.EqualTo(1f));
            Assert.That(table.Feature(Child, FeatureNames.ShareMembersWithIndicator), Is.EqualTo(0.5f));
            Assert.That(table.Feature(Child, FeatureNames.IndicatorCount), Is.EqualTo(2f));
            Assert.That(table.Feature(Child, FeatureNames.LogTotalArrears), Is.EqualTo(MathF.Log(1f + 1_240_000f + 90_000f + 150_000f)).Within(1e-5));
        });
    }

    [Test]
    public async Task Build_VariantEligibility_FollowsAgeAndHousehold()
    {
        await WriteCurrentAsync(root, Catalog);

        var table = await BuildAndReadAsync();

        Assert.Multiple(() =>
        {
            Assert.That(table.Value(Parent, "eligible_household"), Is.True);
            Assert.That(table.Value(Child, "eligible_household"), Is.False);
            Assert.That(table.Value(Child, "eligible_child"), Is.True);
            Assert.That(table.Value(Elder, "eligible_lonely_death"), Is.True);
            Assert.That(table.Value(Young, "eligible_lonely_death"), Is.False, "alone but under 40");
            Assert.That(table.Value(Parent, "eligible_lonely_death"), Is.False, "40 or more but not alone");
        });
    }

    [Test]
    public async Task Build_PreviousQuarter_GivesNewResolvedAndWorsened()
    {
        await WriteCurrentAsync(root, Catalog);
        await WritePreviousAsync(root, Catalog);

        var table = await BuildAndReadAsync();

        Assert.Multiple(() =>
        {
            Assert.That(table.Feature(Parent, FeatureNames.HasPreviousQuarter), Is.EqualTo(1f));
            Assert.That(table.Feature(Parent, FeatureNames.WorsenedArrears), Is.EqualTo(1f), "telecom 3 → 5 months");
            Assert.That(table.Feature(Parent, FeatureNames.NewCrises), Is.EqualTo(1f), "health insurance is new; telecom was there");
            Assert.That(table.Feature(Young, FeatureNames.ResolvedCrises), Is.EqualTo(1f), "card arrears gone");
            Assert.That(table.Feature(Elder, FeatureNames.NewCrises), Is.EqualTo(1f), "local tax is new");
        });
    }

    [Test]
    public async Task Build_NoPreviousQuarter_ChangeFeaturesAreZero()
    {
        await WriteCurrentAsync(root, Catalog);

        var table = await BuildAndReadAsync();

        Assert.That(table.Column(FeatureNames.HasPreviousQuarter), Has.All.EqualTo(0f));
        Assert.That(table.Column(FeatureNames.NewCrises), Has.All.EqualTo(0f));
    }

    [Test]
    public async Task Build_AbsentFeedAndUnknownKey_AreCountedNotFatal()
    {
        await WriteCurrentAsync(root, Catalog);

        var result = await Builder().BuildAsync(root, Quarter);

        var telecom = result.Manifest.Feeds.Single(f => f.Code == "telecom_arrears");
        var cirrhosis = result.Manifest.Feeds.Single(f => f.Code == "cirrhosis");
        Assert.That((telecom.Rows, telecom.UnknownKeys, telecom.Units), Is.EqualTo((3L, 1L, 1L)));
        Assert.That(cirrhosis.Present, Is.False);
        var table = await FeatureTable.ReadAsync(result.Folder);
        Assert.That(table.Column("cirrhosis_presence"), Has.All.EqualTo(0f));
    }

    [Test]
    public async Task Build_OneBucket_OnePartWithEverySido()
    {
        // Parts follow the roster's household buckets now (issue 17), not the 시도: the sido_code column still names each row's.
        await WriteCurrentAsync(root, Catalog);

        var result = await Builder().BuildAsync(root, Quarter);

        Assert.That(result.Manifest.Partitions.Select(p => (p.File, p.Bucket, p.Rows)), Is.EqualTo(new[] { ("bucket=000/part-0.parquet", 0, 4L) }));
        var table = await FeatureTable.ReadAsync(result.Folder);
        Assert.That(table.Value(Elder, "sido_code"), Is.EqualTo("26"));
        Assert.That(table.Value(Parent, "sigungu_code"), Is.EqualTo("11110"));
    }

    [Test]
    public async Task Build_PartsOfAnEarlierLayout_AreRemoved()
    {
        // A bucket beyond today's B (the quarter was split more finely before) and a per-시도 part from before buckets:
        // scoring reads every part there is, so either would count people twice.
        await WriteCurrentAsync(root, Catalog);
        var stale = root.FeaturesBucket(Quarter, 5);
        var flat = Path.Combine(root.FeaturesFolder(Quarter), "part-011.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(stale)!);
        await File.WriteAllTextAsync(stale, "old");
        await File.WriteAllTextAsync(flat, "old");

        var result = await Builder().BuildAsync(root, Quarter);

        Assert.That(File.Exists(stale) || Directory.Exists(Path.GetDirectoryName(stale)) || File.Exists(flat), Is.False);
        Assert.That(Core.Partitioning.TableFiles.InFolder(result.Folder).Select(f => f.Bucket), Is.EqualTo(new[] { 0 }));
    }

    [TestCase("sido_code")]
    [TestCase("sigungu_code")]
    [TestCase("eupmyeondong_code")]
    [TestCase("status")]
    public async Task Build_TextColumn_IsDictionaryEncoded(string column)
    {
        // A row group holds a handful of distinct codes: scoring and dispatch then read one string per distinct value.
        await WriteCurrentAsync(root, Catalog);

        var result = await Builder().BuildAsync(root, Quarter);

        foreach (var part in result.Manifest.Partitions)
        {
            await using var reader = await Parquet.ParquetReader.CreateAsync(Path.Combine(result.Folder, part.File));
            var encodings = reader.Metadata!.RowGroups.Select(g => g.Columns.Single(c => c.MetaData!.PathInSchema.SequenceEqual([column])).MetaData!.Encodings).ToList();
            Assert.That(encodings.All(e => e.Contains(Parquet.Meta.Encoding.RLE_DICTIONARY) || e.Contains(Parquet.Meta.Encoding.PLAIN_DICTIONARY)), Is.True, $"{part.File} {column}");
        }
    }

    [Test]
    public async Task Build_Twice_GivesIdenticalBytes()
    {
        await WriteCurrentAsync(root, Catalog);
        await WritePreviousAsync(root, Catalog);

        var first = await Builder().BuildAsync(root, Quarter);
        var hashes = HashFolder(first.Folder);
        await Builder().BuildAsync(root, Quarter);

        Assert.That(HashFolder(first.Folder), Is.EqualTo(hashes));
    }

    [Test]
    public async Task Manifest_StatisticsMatchTheData()
    {
        await WriteCurrentAsync(root, Catalog);
        var result = await Builder().BuildAsync(root, Quarter);
        var table = await FeatureTable.ReadAsync(result.Folder);

        foreach (var entry in result.Manifest.Features)
        {
            var values = table.Column(entry.Name).ToArray();
            Assert.That(entry.Min, Is.EqualTo(values.Min()), entry.Name);
            Assert.That(entry.Max, Is.EqualTo(values.Max()), entry.Name);
            Assert.That(entry.Mean, Is.EqualTo(values.Average(v => (double)v)).Within(1e-6), entry.Name);
            Assert.That(entry.NonZeroShare, Is.EqualTo(values.Count(v => v != 0f) / (double)values.Length), entry.Name);
        }

        Assert.That(result.Manifest.SchemaHash, Is.EqualTo(FeatureSchema.For(Catalog).Hash));
        Assert.That(table.Names, Is.SupersetOf(result.Manifest.Features.Select(f => f.Name)));
    }

    [Test]
    public async Task Build_RecordsTheStageInTheRunManifest()
    {
        await WriteCurrentAsync(root, Catalog);

        await new StageCheckpoint(TimeProvider.System).RunAsync(new FeaturesStage(Catalog, new FeatureOptions()), root, Quarter);

        var stage = RunManifest.LoadOrCreate(root.RunManifest(Quarter), Quarter.ToString()).Find(StageNames.Features);
        Assert.That(stage, Is.Not.Null);
        Assert.That(stage!.State, Is.EqualTo(StageState.Completed));
        Assert.That(stage.Counts["rows"], Is.EqualTo(4));
        Assert.That(stage.Inputs.Keys, Does.Contain("roster/2026Q3/bucket=000/part-0.parquet"));
        Assert.That(stage.Outputs.Keys, Does.Contain("features/2026Q3/bucket=000/part-0.parquet"));
    }

    [Test]
    public void Build_MissingRoster_SaysToIngestFirst()
    {
        var error = Assert.ThrowsAsync<FileNotFoundException>(() => Builder().BuildAsync(root, Quarter));

        Assert.That(error!.Message, Does.Contain("blindspot ingest"));
    }

    [Test]
    public async Task Build_RowGroupsThatCutHouseholds_GiveTheSameValuesAsOneGroup()
    {
        // 24,000 people in households of 1–5 in one 시도, so 10,000-row groups cut households at their edges; household
        // features (computed once per household) and household feeds must still reach every member in both groups.
        var random = new Random(7);
        var people = new List<RosterPerson>();
        for (long household = 1; people.Count < 24_000; household++)
        {
            var size = random.Next(1, 6);
            for (var m = 0; m < size; m++)
            {
                people.Add(new RosterPerson(household * 10 + m, household, "11110", random.Next(0, 90), IsHead: m == 0));
            }
        }

        await LakeWriter.WriteRosterAsync(root, Quarter, people);
        var households = people.Select(p => p.HouseholdKey).Distinct().ToList();
        await LakeWriter.WriteFeedAsync(root, Quarter, Catalog.GetFeed("health_insurance_arrears"),
            [.. households.Where(_ => random.Next(4) == 0).Select(h => Row(h, new DateOnly(2026, 8, 1 + random.Next(28)), ("months", random.Next(1, 12)), ("amount", (long)random.Next(1, 900_000))))]);
        await LakeWriter.WriteFeedAsync(root, Quarter, Catalog.GetFeed("telecom_arrears"),
            [.. people.Where(_ => random.Next(5) == 0).Select(p => Row(p.PersonKey, new DateOnly(2026, 7, 1 + random.Next(28)), ("months", random.Next(1, 12)), ("amount", (long)random.Next(1, 300_000))))]);

        var built = await new FeatureBuilder(Catalog, new FeatureOptions { Workers = 2 }).BuildAsync(root, Quarter);
        var whole = await FeatureTable.ReadAsync(built.Folder);
        var cut = await FeatureTable.ReadAsync((await new FeatureBuilder(Catalog, new FeatureOptions { Workers = 2, RowGroupSize = 10_000 }).BuildAsync(root, Quarter)).Folder);

        Assert.That(cut.Rows, Is.EqualTo(people.Count));
        Assert.Multiple(() =>
        {
            foreach (var name in built.Manifest.Features.Select(f => f.Name))
            {
                Assert.That(cut.Column(name).ToArray(), Is.EqualTo(whole.Column(name).ToArray()), name);
            }

            // And the household features really vary across the cut: not all one value.
            Assert.That(cut.Column("hh_size").Distinct().Count(), Is.EqualTo(5));
            Assert.That(cut.Column("health_insurance_arrears_presence").Distinct().Count(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Build_PersonKeyTwiceInRoster_NamesTheFileAndKey()
    {
        await LakeWriter.WriteRosterAsync(root, Quarter, [new(0x51, 0x10, "11110", 40), new(0x51, 0x20, "11110", 41)]);

        var error = Assert.ThrowsAsync<InvalidDataException>(() => Builder().BuildAsync(root, Quarter));

        Assert.That(error!.Message, Does.Contain(root.RosterFolder(Quarter)).And.Contain("person key 0000000000000051 appears twice"));
    }

    [Test]
    public async Task Build_LakeFeedCutShort_DataErrorNamesTheFeedFile()
    {
        await WriteCurrentAsync(root, Catalog);
        var feed = root.LakeBucket(Quarter, "telecom_arrears", 0);
        var bytes = await File.ReadAllBytesAsync(feed);
        await File.WriteAllBytesAsync(feed, bytes[..(bytes.Length / 2)]);

        // Parquet.Net's own "not a parquet file" (an IOException, which the jobs would retry) names no file.
        var error = Assert.ThrowsAsync<DataErrorException>(() => Builder().BuildAsync(root, Quarter));

        Assert.That(error!.Message, Does.StartWith($"{feed}: cannot read the lake's telecom_arrears feed: the Parquet file is damaged"));
    }

    [Test]
    public async Task Build_RosterCutShort_DataErrorNamesTheRoster()
    {
        await WriteCurrentAsync(root, Catalog);
        var roster = root.RosterBucket(Quarter, 0);
        var bytes = await File.ReadAllBytesAsync(roster);
        await File.WriteAllBytesAsync(roster, bytes[..(bytes.Length / 2)]);

        var error = Assert.ThrowsAsync<DataErrorException>(() => Builder().BuildAsync(root, Quarter));

        Assert.That(error!.Message, Does.StartWith($"{roster}: cannot read the roster"));
    }

    [Test]
    public async Task Build_HouseholdSplitAcrossTheRoster_NamesTheHousehold()
    {
        // Sorted by 시군구 first, household 0x10 is two runs with household 0x20 between them.
        await LakeWriter.WriteRosterAsync(root, Quarter, [new(1, 0x10, "11110", 40), new(2, 0x20, "11140", 41), new(3, 0x10, "11170", 42)]);

        var error = Assert.ThrowsAsync<InvalidDataException>(() => Builder().BuildAsync(root, Quarter));

        Assert.That(error!.Message, Does.Contain("household 0000000000000010 are not consecutive"));
    }

    [Test]
    public async Task Build_RegionCodeNotNumeric_NamesRowColumnAndValue()
    {
        await LakeWriter.WriteRosterAsync(root, Quarter, [new(1, 0x10, "11110", 40), new(2, 0x20, "1114X", 41)]);

        var error = Assert.ThrowsAsync<InvalidDataException>(() => Builder().BuildAsync(root, Quarter));

        Assert.That(error!.Message, Does.Contain("row 1 has sigungu_code '1114X', which is not a numeric code"));
    }

    private static FeatureBuilder Builder() => new(Catalog, new FeatureOptions { Workers = 2 });

    private async Task<FeatureTable> BuildAndReadAsync() => await FeatureTable.ReadAsync((await Builder().BuildAsync(root, Quarter)).Folder);

    private static Dictionary<string, string> HashFolder(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
