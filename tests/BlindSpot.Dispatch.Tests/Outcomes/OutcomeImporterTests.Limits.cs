using System.Text;
using BlindSpot.Core.Catalog;
using BlindSpot.Dispatch.Outcomes;
using BlindSpot.Testing;
using static BlindSpot.Dispatch.Tests.TestSupport.DispatchScenario;

namespace BlindSpot.Dispatch.Tests.Outcomes;

/// <summary>Hostile or damaged files: limits on rows and cells, row-number gaps, stray quotes and encodings.</summary>
public sealed partial class OutcomeImporterTests
{
    [Test]
    public void Import_CsvWithMoreRowsThanTheLimit_IsRefusedNamingTheLimit()
    {
        var upload = Path.Combine(root.Path, "bomb.csv");
        using (var writer = new StreamWriter(upload))
        {
            writer.Write("워크리스트ID,결과코드,확인일자\n");
            for (var i = 0; i <= 200_000; i++)
            {
                writer.Write("2026Q3-11110-H-999999,supported,2026-10-20\n");
            }
        }

        var error = Assert.ThrowsAsync<OutcomeFileException>(() => Importer().ImportAsync(root, Quarter, upload));

        Assert.That(error!.Message, Does.Contain("bomb.csv").And.Contain("200,000 rows"));
        Assert.That(File.Exists(root.Labels(Quarter)), Is.False);
    }

    [Test]
    public void Import_XlsxOfAMillionRepeatedRows_IsRefusedWithoutReadingThemAll()
    {
        var upload = Path.Combine(root.Path, "bomb.xlsx");
        File.WriteAllBytes(upload, RawXlsx.Package(w =>
        {
            w.Write("<row r=\"1\"><c t=\"inlineStr\"><is><t>워크리스트ID</t></is></c><c t=\"inlineStr\"><is><t>결과코드</t></is></c><c t=\"inlineStr\"><is><t>확인일자</t></is></c></row>");
            for (var r = 2; r <= 1_000_001; r++)
            {
                w.Write($"<row r=\"{r}\"><c t=\"inlineStr\"><is><t>x</t></is></c><c t=\"inlineStr\"><is><t>supported</t></is></c></row>");
            }
        }));
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var error = Assert.ThrowsAsync<OutcomeFileException>(() => Importer().ImportAsync(root, Quarter, upload));

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        TestContext.Out.WriteLine($"allocated {allocated / (1 << 20)} MiB for {new FileInfo(upload).Length / 1024} KiB");
        Assert.That(error!.Message, Does.Contain("bomb.xlsx").And.Contain("200,000 rows"));
        Assert.That(allocated, Is.LessThan(400L << 20), "rows are streamed, not held");
    }

    [Test]
    public async Task Import_XlsxWithARowAt100Million_IsReadInBoundedMemory()
    {
        var own = File.ReadAllLines(Path.Combine(root.WorklistFolder(Quarter), "11110.csv"))[1].Split(',')[0];
        var upload = Path.Combine(root.Path, "gap.xlsx");
        File.WriteAllBytes(upload, RawXlsx.Sheet(
        [
            (1, ["워크리스트ID", "결과코드", "확인일자"]),
            (2, [own, "supported", "2026-10-20"]),
            (100_000_000, ["2026Q3-11110-H-999999", "supported", "2026-10-20"]),
        ]));
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var result = await Importer().ImportAsync(root, Quarter, upload);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        TestContext.Out.WriteLine($"allocated {allocated / 1024} KiB");
        Assert.That(allocated, Is.LessThan(64L << 20), "the gap is not materialised");
        Assert.That(result.Rows.Select(r => (r.Line, r.Accepted)), Is.EqualTo(new[] { (2L, true), (100_000_000L, false) }));
    }

    [Test]
    public async Task Import_ACellLongerThanTheLimit_RejectsThatRowOnly()
    {
        var upload = FillWorklist("11110", (_, i) => (i == 0 ? new string('x', 5_000) : "supported", "2026-10-20"));

        var result = await Importer().ImportAsync(root, Quarter, upload);

        var rejected = result.Rows.Single(r => !r.Accepted);
        Assert.That(rejected.Line, Is.EqualTo(2));
        Assert.That(rejected.Message, Does.Contain("5,000 characters").And.Contain("1,000"));
        Assert.That(result.Accepted, Is.EqualTo(result.Read - 1));
    }

    [Test]
    public async Task Import_OneStrayQuote_QuarantinesItsLineAndReadsTheRest()
    {
        var upload = FillWorklist("11110", (_, _) => ("supported", "2026-10-20"));
        var lines = File.ReadAllLines(upload, Encoding.UTF8);
        lines[2] = lines[2].Replace(",supported,", ",\"supported,", StringComparison.Ordinal);
        File.WriteAllLines(upload, lines, new UTF8Encoding(true));

        var result = await Importer().ImportAsync(root, Quarter, upload);

        Assert.That(result.Read, Is.EqualTo(lines.Length - 1));
        Assert.That(result.Rows.Where(r => !r.Accepted).Select(r => r.Line), Is.EqualTo(new[] { 3L }));
        Assert.That(result.Rows.Single(r => !r.Accepted).Message, Does.Contain("quote"));
        Assert.That(result.Accepted, Is.EqualTo(lines.Length - 2));
    }

    [Test]
    public async Task Import_Cp949File_IsReadLikeUtf8()
    {
        var utf8 = FillWorklist("11110", (_, _) => ("지원", "2026-10-20"));
        var cp949 = Path.Combine(root.Path, "cp949.csv");
        File.WriteAllText(cp949, File.ReadAllText(utf8, Encoding.UTF8), TextEncodings.Cp949);

        var result = await Importer().ImportAsync(root, Quarter, cp949);

        Assert.That(result.Accepted, Is.EqualTo(result.Read).And.GreaterThan(0));
    }

    [Test]
    public void Import_NeitherUtf8NorCp949_SaysWhichEncodingsWereTried()
    {
        var upload = Path.Combine(root.Path, "garbled.csv");
        File.WriteAllBytes(upload, [.. "worklist_id,outcome,outcome_date\n"u8, 0x81, 0x20, .. ",supported,2026-10-20\n"u8]);

        var error = Assert.ThrowsAsync<OutcomeFileException>(() => Importer().ImportAsync(root, Quarter, upload));

        Assert.That(error!.Message, Does.Contain("garbled.csv").And.Contain("UTF-8").And.Contain("CP949"));
    }

    [Test]
    public void Import_XlsxPartThatUnpacksBeyondTheLimit_IsRefusedWhileStreaming()
    {
        var upload = Path.Combine(root.Path, "zipbomb.xlsx");
        File.WriteAllBytes(upload, RawXlsx.Package(w =>
        {
            w.Write("<row r=\"1\"><c t=\"inlineStr\"><is><t>워크리스트ID</t></is></c><c t=\"inlineStr\"><is><t>결과코드</t></is></c><c t=\"inlineStr\"><is><t>확인일자</t></is></c></row>");
            w.Write(new string(' ', 3 << 20));
        }));

        var error = Assert.ThrowsAsync<OutcomeFileException>(() => Importer().ImportAsync(root, Quarter, upload, limits: new OutcomeImportLimits { MaxPartBytes = 1 << 20 }));

        Assert.That(error!.Reason, Is.EqualTo("too-large"));
        Assert.That(error.Message, Does.Contain("zipbomb.xlsx").And.Contain("more than 1 MiB"));
    }
}
