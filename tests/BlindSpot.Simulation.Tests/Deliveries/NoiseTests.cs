using BlindSpot.Simulation.Tests.TestSupport;

namespace BlindSpot.Simulation.Tests.Deliveries;

public sealed class NoiseTests
{
    [Test]
    public void RunAsync_DefaultNoise_LosesAndDelaysRecordsAndHidesSomeCrises()
    {
        var (_, noisy) = Generated.Standard;
        var (_, clean) = Generated.Noiseless;
        var last = noisy.Quarters[^1];

        Assert.That(last.Feeds.Sum(f => f.Lost), Is.GreaterThan(0), "coverage gaps and outages lose records");
        Assert.That(noisy.Quarters.Skip(1).Sum(q => q.Feeds.Sum(f => f.Late)), Is.GreaterThan(0), "a missed 시군구 arrives late");
        Assert.That(last.InvisibleInCrisis, Is.GreaterThan(0), "some people in crisis have no record at all");
        Assert.That(clean.Quarters[^1].Feeds.Sum(f => f.Lost + f.Late), Is.Zero);
        Assert.That(clean.Quarters[^1].InvisibleInCrisis, Is.Zero);
    }

    [Test]
    public void RunAsync_InvisibleHouseholds_HaveNoFeedRecordAtAll()
    {
        var (root, report) = Generated.Standard;
        var quarter = Generated.Range(report.Quarters[^1].Quarter).First;
        var truth = TruthRow.Read(root, quarter).Values.ToList();
        var invisiblePeople = truth.Where(t => t.Invisible).Select(t => t.ResidentNo).ToHashSet(StringComparer.Ordinal);
        var invisibleHouseholds = truth.Where(t => t.Invisible).Select(t => t.HouseholdNo).ToHashSet(StringComparer.Ordinal);

        var keys = Generated.Catalog.Feeds.SelectMany(f => Delivery.Read(root, quarter, f).Rows.Where(r => r.Length > 1).Select(r => r[0])).ToHashSet(StringComparer.Ordinal);

        Assert.That(invisibleHouseholds.Count / (double)truth.Select(t => t.HouseholdNo).Distinct().Count(), Is.InRange(0.02, 0.06), "InvisibleShare 0.04");
        Assert.That(keys.Where(k => invisiblePeople.Contains(k) || invisibleHouseholds.Contains(k)), Is.Empty);
        Assert.That(report.Quarters[^1].InvisibleInCrisis, Is.EqualTo(truth.Count(t => t.Invisible && t.InCrisis[0])));
    }

    [Test]
    public void RunAsync_CoverageGapByAge_ThinsThatGroupsRecords()
    {
        // Credit-bureau (KCIS) records of people 65+ are kept at 60 % by default; nothing else about them changes.
        var (root, report) = Generated.Standard;
        var quarter = Generated.Range(report.Quarters[^1].Quarter).First;
        var feed = Generated.Catalog.GetFeed("loan_arrears");
        var ages = RosterRow.Read(root, quarter).ToDictionary(r => r.ResidentNo, r => r.Age, StringComparer.Ordinal);
        var (cleanRoot, _) = Generated.Noiseless;
        var cleanAges = RosterRow.Read(cleanRoot, quarter).ToDictionary(r => r.ResidentNo, r => r.Age, StringComparer.Ordinal);

        static double OldShare(IEnumerable<string[]> rows, Dictionary<string, int> ages)
        {
            var keys = rows.Where(r => r.Length > 1 && ages.ContainsKey(r[0])).Select(r => r[0]).Distinct().ToList();
            return keys.Count(k => ages[k] >= 65) / (double)keys.Count;
        }

        var noisy = OldShare(Delivery.Read(root, quarter, feed).Rows, ages);
        var clean = OldShare(Delivery.Read(cleanRoot, quarter, feed).Rows, cleanAges);
        Assert.That(noisy, Is.LessThan(clean * 0.85), $"share of 65+ among loan-arrears records: {noisy:0.000} with the gap, {clean:0.000} without");
    }

    [TestCase("sido:46/REB=0.5", "46", 0, 120, "REB", 0.5)]
    [TestCase("age:65-/KCIS=0.6", null, 65, 120, "KCIS", 0.6)]
    [TestCase("age:0-17=0.9", null, 0, 17, null, 0.9)]
    public void CoverageGap_Parse_ReadsTheWrittenFormBack(string text, string? sido, int min, int max, string? source, double coverage)
    {
        var gap = CoverageGap.Parse(text);

        Assert.That(gap, Is.EqualTo(new CoverageGap(sido, min, max, source, coverage)));
        Assert.That(CoverageGap.Parse(gap.ToString()), Is.EqualTo(gap));
    }

    [Test]
    public void RunAsync_GapNamingAnUnknownSource_ThrowsNamingIt()
    {
        var options = Some.Options(100, "2026Q2", seed: 1);
        options.CoverageGaps.Add(CoverageGap.Parse("sido:11/NOPE=0.5"));

        var error = Assert.ThrowsAsync<ArgumentException>(() => new PopulationSimulator(Generated.Catalog, Generated.Regions).RunAsync(options, new Core.Paths.DataRoot(TempFolders.Create())));

        Assert.That(error!.Message, Does.Contain("sido:11/NOPE=0.5").And.Contain("KCIS"));
    }

    [TestCase("region:46=0.5")]
    [TestCase("sido:46")]
    [TestCase("age:x-/KCIS=0.6")]
    public void CoverageGap_Parse_RefusesOtherForms(string text)
    {
        Assert.That(() => CoverageGap.Parse(text), Throws.InstanceOf<FormatException>().With.Message.Contains("GROUP[/SOURCE]=COVERAGE"));
    }
}
