using System.Text;
using BlindSpot.Core.Catalog;
using BlindSpot.Ingestion.Tests.TestSupport;
using static BlindSpot.Ingestion.Tests.TestSupport.ReportAssertions;

namespace BlindSpot.Ingestion.Tests.Validation;

/// <summary>Rejected rows reach quarantine as delivered: Korean text from CP949 and UTF-8-with-BOM files round-trips.</summary>
public sealed class QuarantineTests
{
    [TestCase("electricity_arrears", "cp949", Description = "KEPCO delivers CP949 with Korean headers")]
    [TestCase("gas_arrears", "utf-8 (BOM)", Description = "GAS delivers UTF-8 with a byte-order mark")]
    public async Task Rejects_KoreanValue_RoundTripsIntoQuarantine(string code, string encoding)
    {
        using var data = new TestData();
        var feed = TestData.Catalog.GetFeed(code);
        var rows = data.ValidRows(feed, 100);
        rows[7][2] = "삼개월똠";
        data.WriteFeed(feed, rows);

        var report = await data.RunAsync();

        AssertReconciled(report);
        var rejects = await File.ReadAllLinesAsync(data.Root.Rejects(TestData.Quarter, code), Encoding.UTF8);
        var delimiter = TestData.Catalog.DeliveryOf(feed).DelimiterChar;
        Assert.Multiple(() =>
        {
            Assert.That(Feed(report, code).Encoding, Is.EqualTo(encoding));
            Assert.That(Feed(report, code).Rejected, Is.EqualTo(1));
            Assert.That(rejects, Has.Length.EqualTo(2));
            Assert.That(rejects[1], Does.StartWith(delimiter == ',' ? $"\"{string.Join(delimiter, rows[7])}\"" : string.Join(delimiter, rows[7])));
            Assert.That(rejects[1], Does.EndWith(",9,months,is not a whole number (32-bit)"));
        });
    }

    [Test]
    public async Task Rejects_BadResidentNumber_NamesTheCheckDigitRule()
    {
        using var data = new TestData();
        var feed = TestData.Catalog.GetFeed("card_arrears");
        var rows = data.ValidRows(feed, 100);
        rows[0][0] = rows[0][0][..13] + (char)('0' + ((rows[0][0][13] - '0' + 1) % 10));
        data.WriteFeed(feed, rows);

        var report = await data.RunAsync();

        AssertReconciled(report);
        var rejects = await File.ReadAllTextAsync(data.Root.Rejects(TestData.Quarter, feed.Code));
        Assert.That(rejects, Does.Contain(",2,resident_no,resident number's check digit does not match"));
    }

    [Test]
    public async Task Roster_RepeatedResidentNumber_IsQuarantinedNotMerged()
    {
        using var data = new TestData();
        var roster = TestData.Catalog.Roster;
        var lines = File.ReadAllLines(data.RawPath(roster), TextEncodings.Cp949).ToList();
        lines.Add(lines[2].Replace(",11110,", ",26110,", StringComparison.Ordinal));
        TestData.WriteBytes(data.RawPath(roster), TextEncodings.Cp949.GetBytes(string.Join("\n", lines) + "\n"));

        var report = await data.RunAsync();

        AssertReconciled(report);
        var rejects = await File.ReadAllTextAsync(data.Root.Rejects(TestData.Quarter, roster.Code));
        Assert.Multiple(() =>
        {
            Assert.That(report.Roster.Accepted, Is.EqualTo(TestData.People));
            Assert.That(report.Roster.Rejected, Is.EqualTo(1));
            Assert.That(rejects, Does.Contain($",{TestData.People + 2},resident_no,resident number appears earlier in the roster"));
        });
    }
}
