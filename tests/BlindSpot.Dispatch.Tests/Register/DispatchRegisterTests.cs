using BlindSpot.Dispatch.Register;
using BlindSpot.Dispatch.Tests.Outcomes;
using BlindSpot.Dispatch.Tests.Worklists;

namespace BlindSpot.Dispatch.Tests.Register;

public sealed class DispatchRegisterTests
{
    [Test]
    public void Write_FormulaLikeId_IsEscapedAndReadBackAsWritten()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dispatches-{Guid.NewGuid():N}.csv");
        const string id = "=HYPERLINK(\"http://x.example\",\"a,b\")";
        var entry = WorklistCsvWriterTests.Entry("김민준", "서울") with { WorklistId = id };
        try
        {
            DispatchRegister.Write(path, [(entry, "900101-1234567", "H000000001")]);

            var rows = OutcomeImporterTests.ReadCsv(path);
            Assert.That(rows[1], Has.Length.EqualTo(DispatchRegister.Columns.Length));
            Assert.That(rows[1][^1], Is.EqualTo("'" + id));
            Assert.That(DispatchRegister.Read(path).Single().WorklistId, Is.EqualTo(id));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
