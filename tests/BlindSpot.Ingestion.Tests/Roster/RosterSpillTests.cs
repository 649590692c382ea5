using BlindSpot.Core.Partitioning;
using BlindSpot.Ingestion.Roster;

namespace BlindSpot.Ingestion.Tests.Roster;

public sealed class RosterSpillTests
{
    private string directory = null!;

    [SetUp]
    public void SetUp() => directory = Directory.CreateTempSubdirectory("blindspot-roster-spill-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(directory, recursive: true);

    [TestCase(5, 3)]
    [TestCase(2, 7)]
    [TestCase(4, 4)]
    public void Read_PartsAndBuckets_EveryRowInItsHouseholdsBucketOnceWithItsValues(int parts, int count)
    {
        // Parts cut the key range differently from the buckets (the default B is known only once the roster is read),
        // so a bucket reads several parts and a part feeds several buckets.
        var rows = Rows(2_000);
        var buckets = new Buckets(count);
        using var spill = new RosterSpill(Path.Combine(directory, "spill"), new Buckets(parts));
        for (var row = 0; row < rows.Count; row++)
        {
            spill.Add(rows, row);
        }

        spill.Complete();

        var read = Enumerable.Range(0, count).SelectMany(b => Describe(spill.Read(buckets, b)).Select(r => (Bucket: b, Row: r))).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(read.Select(r => r.Row), Is.EquivalentTo(Describe(rows)), "every row once, every value kept");
            Assert.That(read.All(r => r.Bucket == buckets.Of(long.Parse(r.Row.Split('|')[1], System.Globalization.CultureInfo.InvariantCulture))), Is.True, "each row in its household's bucket");
        });
    }

    [Test]
    public void Dispose_AfterRows_RemovesItsFolder()
    {
        var folder = Path.Combine(directory, "spill");
        var spill = new RosterSpill(folder, new Buckets(3));
        spill.Add(Rows(10), 0);

        spill.Dispose();

        Assert.That(Directory.Exists(folder), Is.False);
    }

    private static RosterTable Rows(int count)
    {
        var random = new Random(17); // fixed: the same table every run
        var table = new RosterTable();
        for (var i = 0; i < count; i++)
        {
            var household = random.NextInt64(long.MinValue, long.MaxValue);
            table.PersonKey.Add(random.NextInt64(long.MinValue, long.MaxValue));
            table.HouseholdKey.Add(household);
            table.IsHead.Add(i % 2 == 0);
            table.SigunguCode.Add($"1{i % 250:D4}");
            table.EupmyeondongCode.Add($"1{i % 250:D4}{i % 7:D3}");
            table.BirthDate.Add(new DateOnly(1930, 1, 1).AddDays(i * 11));
            table.Age.Add(i % 96);
            table.Sex.Add(i % 3 == 0 ? "M" : "F");
            table.Disability.Add(i % 5 == 0);
            table.BasicLivelihood.Add(i % 7 == 0);
            table.OtherBenefit.Add(i % 11 == 0);
            table.Status.Add(i % 13 == 0 ? "D" : "R");
            table.StatusDate.Add(i % 13 == 0 ? new DateOnly(2026, 8, 1) : null);
        }

        return table;
    }

    private static List<string> Describe(RosterTable t) =>
    [
        .. Enumerable.Range(0, t.Count).Select(r => string.Join('|',
            t.PersonKey[r], t.HouseholdKey[r], t.IsHead[r], t.SigunguCode[r], t.EupmyeondongCode[r], t.BirthDate[r], t.Age[r], t.Sex[r],
            t.Disability[r], t.BasicLivelihood[r], t.OtherBenefit[r], t.Status[r], t.StatusDate[r])),
    ];
}
