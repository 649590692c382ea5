using BlindSpot.Core.Catalog;
using BlindSpot.Simulation.Tests.TestSupport;

namespace BlindSpot.Simulation.Tests.Truth;

public sealed class TruthWriterTests
{
    [Test]
    public void Write_Raw_HoldsNoParquetAndNoTruthColumn()
    {
        var (root, _) = Generated.Standard;
        var raw = Path.Combine(root.Path, "raw");
        var truthOnly = TruthRow.SeverityColumns.Concat(TruthRow.FlagColumns).Concat(["household_risk", "child_risk", "lonely_death_risk"]).ToList();

        Assert.That(Directory.EnumerateFiles(raw, "*.parquet", SearchOption.AllDirectories), Is.Empty);
        foreach (var file in Directory.EnumerateFiles(raw, "*", SearchOption.AllDirectories))
        {
            // Latin-1 never fails and keeps ASCII intact, which is all the truth column names are.
            var text = System.Text.Encoding.Latin1.GetString(CsvText.ReadBytes(file));
            Assert.That(truthOnly.Where(c => text.Contains(c, StringComparison.Ordinal)), Is.Empty, file);
        }
    }

    [Test]
    public void Write_Raw_HoldsNoNameOrAddressFromTheIdentityVault()
    {
        var (root, report) = Generated.Standard;
        var quarter = Generated.Range(report.Quarters[0].Quarter).First;
        var vault = CsvText.Parse(CsvText.Decode(File.ReadAllBytes(root.IdentityVault(quarter)), TextEncodings.StrictUtf8), ',');
        var secrets = vault.Skip(1).SelectMany(r => new[] { r[2], r[3] }).ToHashSet(StringComparer.Ordinal);

        Assert.That(vault[0], Is.EqualTo(new[] { "resident_no", "household_no", "name", "address", "phone" }));
        Assert.That(vault.Skip(1).Any(r => r[3].Contains(',', StringComparison.Ordinal)), Is.True, "some addresses need RFC 4180 quoting");
        foreach (var feed in Generated.Catalog.Feeds.Append(Generated.Catalog.Roster))
        {
            var delivery = Delivery.Read(root, quarter, feed);
            Assert.That(delivery.Rows.SelectMany(r => r).Where(secrets.Contains), Is.Empty, feed.Code);
        }
    }

    [Test]
    public void Write_Truth_HasOneRowPerRosterPersonAndAboutFivePercentOfHouseholdsInSevereCrisis()
    {
        var (root, report) = Generated.Standard;
        foreach (var q in report.Quarters)
        {
            var quarter = Generated.Range(q.Quarter).First;
            var truth = TruthRow.Read(root, quarter);
            var roster = RosterRow.Read(root, quarter);

            Assert.That(truth.Keys, Is.EquivalentTo(roster.Select(r => r.ResidentNo)));
            Assert.That(q.Truth.HouseholdsWithSevereCrisis / (double)q.Households, Is.InRange(0.035, 0.07));
            Assert.That(q.Truth.ChildInCrisis, Is.GreaterThan(0));
            Assert.That(q.Truth.LonelyDeathInCrisis, Is.GreaterThan(0));
        }
    }
}
