using BlindSpot.Core.Keys;
using BlindSpot.Ingestion.Tests.TestSupport;

namespace BlindSpot.Ingestion.Tests.Lake;

/// <summary>Approval of the lake and roster file schemas later stages rely on, and of the values read back.</summary>
public sealed class LakeContractTests
{
    [Test]
    public async Task LakeFile_HouseholdFeed_HasContractSchemaAndValues()
    {
        using var data = new TestData();
        await data.RunAsync();
        var path = data.Root.LakeBucket(TestData.Quarter, "electricity_cutoff", 0);

        var schema = await ParquetFile.SchemaAsync(path);
        var keys = await ParquetFile.ReadAsync<long>(path, "household_key");
        var dates = await ParquetFile.ReadAsync<DateOnly>(path, "event_date");
        var months = await ParquetFile.ReadAsync<int>(path, "months");
        var amounts = await ParquetFile.ReadAsync<long>(path, "amount");
        var kinds = await ParquetFile.ReadStringsAsync(path, "kind");
        var lines = await ParquetFile.ReadAsync<long>(path, "source_line");

        var expected = data.ValidRows(TestData.Catalog.GetFeed("electricity_cutoff"));
        var pseudonymizer = Pseudonymizer.ForSampleData();
        Assert.Multiple(() =>
        {
            Assert.That(schema, Is.EqualTo(new[]
            {
                "household_key INT64 REQUIRED",
                "event_date INT32/DATE REQUIRED",
                "months INT32 REQUIRED",
                "amount INT64 REQUIRED",
                "kind BYTE_ARRAY/UTF8 REQUIRED",
                "source_line INT64 REQUIRED",
            }));
            Assert.That(keys, Is.EqualTo(expected.Select(r => pseudonymizer.Household(r[0]).Value)));
            Assert.That(dates, Is.EqualTo(expected.Select(r => DateOnly.ParseExact(r[1], "yyyyMMdd", null))));
            Assert.That(months, Is.EqualTo(expected.Select(r => int.Parse(r[2], null))));
            Assert.That(amounts, Is.EqualTo(expected.Select(r => long.Parse(r[3], null))));
            Assert.That(kinds, Is.EqualTo(expected.Select(r => r[4])));
            Assert.That(lines, Is.EqualTo(Enumerable.Range(2, expected.Count).Select(i => (long)i)), "rows stay in delivery order");
        });
    }

    [Test]
    public async Task LakeFile_PersonFeedWithDouble_HasPersonKeyAndDoubleColumn()
    {
        using var data = new TestData();
        await data.RunAsync();

        var schema = await ParquetFile.SchemaAsync(data.Root.LakeBucket(TestData.Quarter, "medical_cost_spike", 0));

        Assert.That(schema, Is.EqualTo(new[]
        {
            "person_key INT64 REQUIRED",
            "event_date INT32/DATE REQUIRED",
            "amount INT64 REQUIRED",
            "burden_pct DOUBLE REQUIRED",
            "source_line INT64 REQUIRED",
        }));
    }

    [Test]
    public async Task RosterFile_HasContractSchemaSortOrderAndAges()
    {
        using var data = new TestData();
        await data.RunAsync();
        var path = data.Root.RosterBucket(TestData.Quarter, 0);

        var schema = await ParquetFile.SchemaAsync(path);
        var sigungu = await ParquetFile.ReadStringsAsync(path, "sigungu_code");
        var households = await ParquetFile.ReadAsync<long>(path, "household_key");
        var persons = await ParquetFile.ReadAsync<long>(path, "person_key");
        var ages = await ParquetFile.ReadAsync<int>(path, "age");
        var births = await ParquetFile.ReadAsync<DateOnly>(path, "birth_date");

        var order = persons.Select((p, i) => (Sigungu: sigungu[i]!, Household: households[i], Person: p)).ToList();
        var sorted = order.OrderBy(o => o.Sigungu, StringComparer.Ordinal).ThenBy(o => o.Household).ThenBy(o => o.Person).ToList();
        var asOf = TestData.Quarter.AsOf;
        Assert.Multiple(() =>
        {
            Assert.That(schema, Is.EqualTo(new[]
            {
                "person_key INT64 REQUIRED",
                "household_key INT64 REQUIRED",
                "is_head BOOLEAN REQUIRED",
                "sigungu_code BYTE_ARRAY/UTF8 REQUIRED",
                "eupmyeondong_code BYTE_ARRAY/UTF8 REQUIRED",
                "birth_date INT32/DATE REQUIRED",
                "age INT32 REQUIRED",
                "sex BYTE_ARRAY/UTF8 REQUIRED",
                "disability BOOLEAN REQUIRED",
                "basic_livelihood BOOLEAN REQUIRED",
                "other_benefit BOOLEAN REQUIRED",
                "status BYTE_ARRAY/UTF8 REQUIRED",
                "status_date INT32/DATE OPTIONAL",
            }));
            Assert.That(order, Is.EqualTo(sorted));
            Assert.That(persons, Is.EquivalentTo(data.Residents.Select(r => Pseudonymizer.ForSampleData().Person(r).Value)));
            Assert.That(ages.Select((a, i) => a == asOf.Year - births[i].Year - (asOf < births[i].AddYears(asOf.Year - births[i].Year) ? 1 : 0)), Is.All.True);
        });
    }
}
