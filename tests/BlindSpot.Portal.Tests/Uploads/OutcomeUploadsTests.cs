using BlindSpot.Portal.Uploads;

namespace BlindSpot.Portal.Tests.Uploads;

public sealed class OutcomeUploadsTests
{
    [TestCase("outcomes.csv", null)]
    [TestCase("결과 2026Q3.XLSX", null, Description = "Korean names and upper-case extensions are fine")]
    [TestCase("../outcomes.csv", "invalid-name")]
    [TestCase("a/b.csv", "invalid-name")]
    [TestCase("a\\b.csv", "invalid-name")]
    [TestCase("C:outcomes.csv", "invalid-name", Description = "a drive-relative name on Windows")]
    [TestCase("out\u0000comes.csv", "invalid-name")]
    [TestCase("outcomes.csv.exe", "invalid-type")]
    [TestCase("outcomes", "invalid-type")]
    public void CheckName_RefusesPathsControlCharactersAndOtherTypes(string name, string? expected)
    {
        Assert.That(OutcomeUploads.CheckName(name)?.Outcome, Is.EqualTo(expected));
    }
}
