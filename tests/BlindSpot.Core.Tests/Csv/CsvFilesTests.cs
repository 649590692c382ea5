using System.Text;
using BlindSpot.Core.Csv;

namespace BlindSpot.Core.Tests.Csv;

public sealed class CsvFilesTests
{
    // Each of these would run as a formula (or a DDE call) when the file is opened in Excel; OWASP lists all six leads.
    [TestCase("=1+1")]
    [TestCase("+1")]
    [TestCase("-1+2")]
    [TestCase("@SUM(1)")]
    [TestCase("\t=1")]
    [TestCase("\r=1")]
    public void Write_FormulaLeadingText_IsEscapedWithApostrophe(string cell)
    {
        var text = WriteOne(cell);

        Assert.That(text, Does.StartWith("'").Or.StartWith("\"'"));
    }

    [Test]
    public void Write_HyperlinkWithCommas_StaysOneQuotedField()
    {
        var text = WriteRow(["=HYPERLINK(\"http://x\",\"y\")", "next"]);

        // Two fields: the dangerous one escaped and quoted (its commas and quotes inside), then the next one.
        Assert.That(text, Is.EqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",next\r\n"));
    }

    [Test]
    public void Write_PlainText_IsUntouched()
    {
        Assert.That(WriteOne("홍길동"), Is.EqualTo("홍길동\r\n"));
    }

    [Test]
    public void ForExcel_StartsWithByteOrderMark()
    {
        using var buffer = new MemoryStream();
        using (var writer = CsvFiles.Create(buffer, CsvFiles.ForExcel))
        {
            writer.WriteRecord(["a"]);
        }

        Assert.That(buffer.ToArray().Take(3), Is.EqualTo(Encoding.UTF8.GetPreamble()));
    }

    private static string WriteOne(string cell) => WriteRow([cell]);

    private static string WriteRow(string[] cells)
    {
        using var buffer = new MemoryStream();
        using (var writer = CsvFiles.Create(buffer))
        {
            writer.WriteRecord(cells);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
