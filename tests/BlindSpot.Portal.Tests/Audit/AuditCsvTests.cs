using System.Text;
using BlindSpot.Portal.Audit;

namespace BlindSpot.Portal.Tests.Audit;

public sealed class AuditCsvTests
{
    // User names and outcomes can carry typed text; Excel must not run it when an admin opens the export. Through the
    // project's one CSV writer (CsvFiles): escaped cells are quoted, plain ones only when RFC 4180 needs it.
    [TestCase("=HYPERLINK(\"http://x\")/11110", "\"'=HYPERLINK(\"\"http://x\"\")/11110\"")]
    [TestCase("+1+1", "\"'+1+1\"")]
    [TestCase("@SUM(A1)", "\"'@SUM(A1)\"")]
    [TestCase("\t=1+1", "\"'\t=1+1\"", TestName = "Write_EscapesALeadingTab")]
    [TestCase("\r=1+1", "\"'\r=1+1\"", TestName = "Write_EscapesALeadingCarriageReturn")]
    [TestCase("2026Q3/11110.xlsx", "2026Q3/11110.xlsx")]
    public void Write_NeutralisesFormulas(string target, string expectedCell)
    {
        var entry = new AuditEntry
        {
            At = new DateTimeOffset(2026, 11, 26, 1, 2, 3, TimeSpan.Zero), UserName = "officer-11110", Role = "officer", SigunguCode = "11110",
            Action = AuditActions.Denied, Target = target, Client = "127.0.0.1", Outcome = "invalid-name",
        };

        var bytes = AuditCsv.Write([entry]);
        var text = Encoding.UTF8.GetString(bytes);

        Assert.That(bytes.Take(3), Is.EqualTo(Encoding.UTF8.GetPreamble()), "a BOM, so Excel reads Korean");
        Assert.That(text.TrimStart('\uFEFF'), Does.StartWith("at,user_name,role,sigungu_code,action,target,rows,client,outcome\r\n"));
        Assert.That(text, Does.Contain("\r\n2026-11-26T01:02:03.000Z,officer-11110,officer,11110,denied," + expectedCell + ",,127.0.0.1,invalid-name\r\n"));
    }
}
