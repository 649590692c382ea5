using System.Text;
using BlindSpot.Portal.Audit;

namespace BlindSpot.Portal.Tests.Audit;

public sealed class AuditCsvTests
{
    // Targets carry request text (a mangled quarter, say); Excel must not run it when an admin opens the export.
    [TestCase("=HYPERLINK(\"http://x\")/11110", "\"'=HYPERLINK(\"\"http://x\"\")/11110\"")]
    [TestCase("+1+1", "\"'+1+1\"")]
    [TestCase("@SUM(A1)", "\"'@SUM(A1)\"")]
    [TestCase("2026Q3/11110.xlsx", "\"2026Q3/11110.xlsx\"")]
    public void Write_NeutralisesFormulasAndQuotesEveryCell(string target, string expectedCell)
    {
        var entry = new AuditEntry
        {
            At = new DateTimeOffset(2026, 11, 26, 1, 2, 3, TimeSpan.Zero), UserName = "officer-11110", Role = "officer", SigunguCode = "11110",
            Action = AuditActions.Denied, Target = target, Client = "127.0.0.1", Outcome = "invalid-name",
        };

        var lines = Encoding.UTF8.GetString(AuditCsv.Write([entry])).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines[1], Does.StartWith("\"2026-11-26T01:02:03.000Z\",\"officer-11110\",\"officer\",\"11110\",\"denied\"," + expectedCell + ",\"\","));
    }
}
