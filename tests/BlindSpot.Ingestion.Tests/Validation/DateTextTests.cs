using System.Text;
using BlindSpot.Ingestion.Validation;

namespace BlindSpot.Ingestion.Tests.Validation;

public sealed class DateTextTests
{
    [TestCase("20260701", "yyyyMMdd", Description = "KEPCO style")]
    [TestCase("2026-07-01", "yyyy-MM-dd", Description = "ISO style")]
    [TestCase("2026.07.01", "yyyy.MM.dd", Description = "dotted style")]
    public void TryParse_CatalogFormats_ParseExactly(string text, string format)
    {
        Assert.That(DateText.TryParse(Encoding.ASCII.GetBytes(text), format, out var date) ? date : default, Is.EqualTo(new DateOnly(2026, 7, 1)));
    }

    [TestCase("20260230", "yyyyMMdd", Description = "no 30 February")]
    [TestCase("2026-7-01", "yyyy-MM-dd", Description = "wrong length")]
    [TestCase("2026/07/01", "yyyy-MM-dd", Description = "wrong separator")]
    [TestCase("2026070a", "yyyyMMdd", Description = "not a digit")]
    [TestCase("20261301", "yyyyMMdd", Description = "no month 13")]
    public void TryParse_InvalidText_Fails(string text, string format)
    {
        Assert.That(DateText.TryParse(Encoding.ASCII.GetBytes(text), format, out _), Is.False);
    }
}
