using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Simulation.Tests.TestSupport;

namespace BlindSpot.Simulation.Tests.Deliveries;

public sealed class FeedGeneratorTests
{
    // Observed first records (distinct keys) against Σ min(p, 0.95) over eligible units, p = baseRate + Σ lift·severity
    // from the truth file, plus the chronic non-payers' standing records (Expectation); the tolerance is 4 binomial
    // standard deviations plus 2 % for the severities' float rounding and the household clustering of chronic payers.
    // On the run without the correlated noise (issue #21): the noise bends the rates on purpose; NoiseTests checks it.
    [TestCase("hypertension")] // person feed, ages 30+, high base rate
    [TestCase("loan_arrears")] // person feed with repeats: distinct keys still follow p
    [TestCase("missed_vaccination")] // person feed for ages 0-12 only
    [TestCase("gas_arrears")] // household feed, any household
    [TestCase("electricity_use_change")] // household feed, single-person households, isolation lift
    public void Write_RecordRateAmongEligible_MatchesCatalogExpectation(string feedCode)
    {
        var (root, report) = Generated.Noiseless;
        var quarter = Generated.Range(report.Quarters[^1].Quarter).First;
        var feed = Generated.Catalog.GetFeed(feedCode);
        var expected = Expectation.For(root, quarter, feed);

        var delivery = Delivery.Read(root, quarter, feed);
        var observed = delivery.Rows.Where(r => r.Length > 1).Select(r => r[0]).Distinct().Count(expected.Eligible.Contains);

        var tolerance = (4 * Math.Sqrt(expected.Variance)) + (0.02 * expected.FirstRecords);
        Assert.That(observed, Is.EqualTo(expected.FirstRecords).Within(tolerance), $"{feedCode}: {expected.Eligible.Count} eligible units");
    }

    [Test]
    public void Write_TotalRecords_MatchCatalogExpectationWithinThreePercent()
    {
        var (root, report) = Generated.Noiseless;
        var quarterReport = report.Quarters[^1];
        var quarter = Generated.Range(quarterReport.Quarter).First;

        var expected = Generated.Catalog.Feeds.Sum(f => Expectation.For(root, quarter, f).AllRecords);

        Assert.That(quarterReport.Records, Is.EqualTo(expected).Within(3).Percent);
    }

    [Test]
    public void Write_RecordsPerPerson_IsWhatTheCatalogRatesGive()
    {
        var (_, report) = Generated.Standard;

        // The real system collects ~25M records on ~9M people a quarter (~2.8 each): most feeds are monthly, so a unit
        // in arrears appears more than once a quarter (the catalog's repeat rates). This pins the figure.
        Assert.That(report.RecordsPerPersonQuarter, Is.InRange(2.4, 3.2));
    }

    [Test]
    public void Write_EveryRawFile_DecodesStrictlyWithBomExactlyWhenDeclaredAndCatalogHeaders()
    {
        var (root, report) = Generated.Standard;
        var quarter = Generated.Range(report.Quarters[0].Quarter).First;
        foreach (var feed in Generated.Catalog.Feeds.Append(Generated.Catalog.Roster))
        {
            var format = Generated.Catalog.DeliveryOf(feed);
            var bytes = CsvText.ReadBytes(root.RawFeed(quarter, feed));
            var hasBom = bytes.AsSpan().StartsWith(System.Text.Encoding.UTF8.Preamble);

            var delivery = Delivery.Read(root, quarter, feed);

            Assert.That(hasBom, Is.EqualTo(format.Encoding == FeedEncoding.Utf8Bom), feed.Code);
            Assert.That(delivery.Header, Is.EqualTo(feed.Columns.Select(c => c.Header(format.HeaderLanguage!.Value)).ToArray()), feed.Code);
        }
    }

    [Test]
    public void Write_NoDirt_EveryRowHasAllFieldsAndAValidKey()
    {
        var (root, report) = Generated.Clean;
        foreach (var quarterReport in report.Quarters)
        {
            var quarter = Generated.Range(quarterReport.Quarter).First;
            foreach (var feed in Generated.Catalog.Feeds)
            {
                var delivery = Delivery.Read(root, quarter, feed);
                Assert.That(delivery.Rows.All(r => r.Length == feed.Columns.Count), Is.True, feed.Code);
                if (feed.Unit == FeedUnit.Person)
                {
                    Assert.That(delivery.Rows.Select(r => ResidentNumber.Validate(r[0])).Where(e => e is not null), Is.Empty, feed.Code);
                }
            }

            Assert.That(quarterReport.Feeds.Sum(f => f.Dirt.Total), Is.Zero);
        }
    }

    [Test]
    public void Write_NoDirt_EveryFieldParsesAsItsTypeWithinRangeAndWindow()
    {
        var (root, report) = Generated.Clean;
        var quarter = Generated.Range(report.Quarters[^1].Quarter).First;
        foreach (var feed in Generated.Catalog.Feeds)
        {
            var format = Generated.Catalog.DeliveryOf(feed);
            var windowStart = quarter.FirstDay.AddMonths(-(feed.WindowMonths - 3));
            var delivery = Delivery.Read(root, quarter, feed);
            for (var i = 1; i < feed.Columns.Count; i++)
            {
                var column = feed.Columns[i];
                var bad = delivery.Rows.Select(r => r[i]).Where(v => !FieldIsValid(column, v, format.DateFormat!, windowStart, quarter.LastDay)).Take(3).ToList();
                Assert.That(bad, Is.Empty, $"{feed.Code}.{column.Name}");
            }
        }
    }

    private static bool FieldIsValid(ColumnDefinition column, string value, string dateFormat, DateOnly first, DateOnly last)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return column.Type switch
        {
            ColumnType.Date => DateOnly.TryParseExact(value, dateFormat, invariant, System.Globalization.DateTimeStyles.None, out var d) && d >= first && d <= last,
            ColumnType.Int or ColumnType.Long => long.TryParse(value, invariant, out var n) && n >= column.Min && n <= column.Max,
            ColumnType.Double => double.TryParse(value, invariant, out var x) && x >= column.Min && x <= column.Max,
            ColumnType.Code => column.Values!.ContainsKey(value),
            _ => true,
        };
    }

    [Test]
    public void Write_DefaultDirt_InvalidRowsNeverExceedInjectedDirtAndStayUnderOnePercent()
    {
        var (root, report) = Generated.Standard;
        var quarterReport = report.Quarters[0];
        var quarter = Generated.Range(quarterReport.Quarter).First;
        foreach (var feed in Generated.Catalog.Feeds.Where(f => f.Unit == FeedUnit.Person))
        {
            var dirt = quarterReport.Feeds.Single(f => f.Feed == feed.Code);
            var delivery = Delivery.Read(root, quarter, feed);

            var badKeys = delivery.Rows.Count(r => r.Length == feed.Columns.Count && ResidentNumber.Validate(r[0]) is not null);
            var wrongWidth = delivery.Rows.Count(r => r.Length != feed.Columns.Count);

            Assert.That(delivery.Rows, Has.Count.EqualTo(dirt.RowsWritten), feed.Code);
            Assert.That(badKeys, Is.LessThanOrEqualTo(dirt.Dirt.BadCheckDigit), feed.Code);
            Assert.That(wrongWidth, Is.LessThanOrEqualTo(dirt.Dirt.Malformed), feed.Code);
            Assert.That(dirt.Dirt.Total, Is.LessThan((0.01 * dirt.Records) + 5), feed.Code);
        }

        Assert.That(quarterReport.Feeds.Sum(f => f.Dirt.Total), Is.GreaterThan(0));
    }
}
