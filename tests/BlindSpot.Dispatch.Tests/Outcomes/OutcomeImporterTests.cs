using System.Text;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Regions;
using BlindSpot.Dispatch.Outcomes;
using BlindSpot.Dispatch.Tests.TestSupport;
using BlindSpot.Dispatch.Worklists;
using MiniExcelLibs;
using Parquet;
using static BlindSpot.Dispatch.Tests.TestSupport.DispatchScenario;

namespace BlindSpot.Dispatch.Tests.Outcomes;

public sealed partial class OutcomeImporterTests
{
    private static readonly TimeProvider Later = new FixedTime(new DateTimeOffset(2027, 1, 15, 0, 0, 0, TimeSpan.Zero));
    private DataRoot root = null!;
    private DispatchScenario scenario = null!;

    [SetUp]
    public async Task DispatchAQuarter() => (root, scenario) = await DispatchedRootAsync();

    /// <summary>A fresh data root with the scenario's quarter dispatched (the same bytes every time).</summary>
    private static async Task<(DataRoot Root, DispatchScenario Scenario)> DispatchedRootAsync()
    {
        var root = new DataRoot(Directory.CreateTempSubdirectory("blindspot-outcomes-").FullName);
        var scenario = await CreateAsync(root);
        var options = new DispatchOptions
        {
            // Household first (the order before issue #20), so 가구주01, first on every ranking, is on the household list.
            Priority = [Variant.Household, Variant.Child, Variant.LonelyDeath],
            Quotas = new()
            {
                [Variant.Household] = new VariantQuota { Count = 10, ScaleWithRoster = false },
                [Variant.Child] = new VariantQuota { Count = 3, ScaleWithRoster = false },
                [Variant.LonelyDeath] = new VariantQuota { Count = 3, ScaleWithRoster = false },
            },
        };
        await new Dispatcher(Catalog, RegionRegistry.LoadDefault(), options, Keys).DispatchAsync(root, Quarter, new FileWorklistStore(root));
        return (root, scenario);
    }

    [TearDown]
    public void DeleteRoot() => Directory.Delete(root.Path, recursive: true);

    [Test]
    public async Task Import_FilledWorklist_AcceptsEveryRowAndWritesPseudonymisedLabels()
    {
        var upload = FillWorklist("11110", (_, i) => (i % 2 == 0 ? "supported" : "not_eligible", "2026-10-20"));

        var result = await Importer().ImportAsync(root, Quarter, upload, sigungu: "11110");

        Assert.That(result.Rejected, Is.Zero, string.Join("; ", result.Rows.Where(r => !r.Accepted).Select(r => r.Message)));
        Assert.That(result.Read, Is.EqualTo(result.Accepted + result.Rejected));
        var labels = await ReadLabelsAsync();
        Assert.That(labels, Has.Count.EqualTo(result.Accepted));
        Assert.That(labels.Select(l => l.Outcome).Distinct(), Is.EquivalentTo(new[] { "supported", "not_eligible" }));
        var bytes = File.ReadAllBytes(root.Labels(Quarter));
        foreach (var person in scenario.People)
        {
            Assert.That(Encoding.ASCII.GetString(bytes), Does.Not.Contain(person.ResidentNumber));
        }
    }

    [Test]
    public async Task Import_BadRows_AreRejectedNamingTheFieldAndCounted()
    {
        var upload = FillWorklist("11110", (_, i) => i switch
        {
            0 => ("maybe", "2026-10-20"),
            1 => ("supported", "20XX-10-20"),
            2 => ("supported", "2028-01-01"),
            _ => ("unreachable", "2026-10-21"),
        });
        File.AppendAllText(upload, "2026Q3-11110-H-999999,2026Q3,11110,,,,,,,,,,,,,,,supported,2026-10-20\r\n");

        var result = await Importer().ImportAsync(root, Quarter, upload);

        var rejected = result.Rows.Where(r => !r.Accepted).ToList();
        Assert.That(rejected.Select(r => r.Field), Is.EquivalentTo(new[] { "outcome", "outcome_date", "outcome_date", "worklist_id" }));
        Assert.That(rejected.Single(r => r.Field == "outcome").Message, Does.Contain("'maybe'").And.Contain("supported, not_eligible or unreachable"));
        Assert.That(result.Read, Is.EqualTo(result.Accepted + result.Rejected));
        var report = File.ReadAllLines(result.ReportPath);
        Assert.That(report, Has.Length.EqualTo(result.Read + 1));
        Assert.That(report.Count(l => l.Contains(",rejected,", StringComparison.Ordinal)), Is.EqualTo(4));
    }

    [Test]
    public async Task Import_AnotherMunicipalitysRows_AreRefused()
    {
        var upload = FillWorklist("26110", (_, _) => ("supported", "2026-10-20"));

        var result = await Importer().ImportAsync(root, Quarter, upload, sigungu: "11110");

        Assert.That(result.Accepted, Is.Zero);
        // Answered as if the rows named nobody: another 시군구's list is not revealed (issue 13, finding 1).
        Assert.That(result.Rows, Has.All.Matches<OutcomeRowResult>(r => r.Field == "worklist_id" && r.Message.Contains("not on 11110's 2026Q3 worklist", StringComparison.Ordinal)));
        Assert.That(await ReadLabelsAsync(), Is.Empty);
    }

    [Test]
    public async Task Import_Correction_LatestWinsAndHistoryIsKept()
    {
        var first = await Importer().ImportAsync(root, Quarter, FillWorklist("11110", (_, _) => ("unreachable", "2026-10-20")));
        // A changed answer must be marked as a correction (issue 14, item 4); the unchanged rows are not added again.
        var upload = FillWorklist("11110", (_, i) => (i == 0 ? "supported" : "unreachable", "2026-10-20"));
        var lines = File.ReadAllLines(upload, Encoding.UTF8).Select((l, i) => l + (i == 0 ? ",정정" : i == 1 ? ",Y" : ",")).ToArray();
        File.WriteAllLines(upload, lines, new UTF8Encoding(true));
        var second = await Importer().ImportAsync(root, Quarter, upload);

        Assert.That(second.Corrections, Is.EqualTo(1));
        var labels = await ReadLabelsAsync();
        Assert.That(labels.Count(l => l.Outcome == "supported"), Is.EqualTo(1));
        var history = File.ReadAllLines(Path.Combine(root.OutcomesFolder(Quarter), "outcome-history.csv"));
        Assert.That(history, Has.Length.EqualTo(1 + first.Accepted + 1));
        Assert.That(Directory.GetFiles(Path.Combine(root.OutcomesFolder(Quarter), "imports"), "*.report.csv"), Has.Length.EqualTo(2));
    }

    [Test]
    public async Task Import_RegisterLayout_AsTheSimulatorWritesIt()
    {
        var first = scenario["가구주01"];
        var upload = Path.Combine(root.Path, "outcomes.csv");
        File.WriteAllText(upload, $"quarter,variant,resident_no,sigungu_code,outcome,outcome_date\n2026Q3,household,{first.ResidentNumber},26110,supported,2026-11-02\n2026Q3,child,{first.ResidentNumber},26110,supported,2026-11-02\n");

        var result = await Importer().ImportAsync(root, Quarter, upload);

        Assert.That(result.Rows.Select(r => r.Accepted), Is.EqualTo(new[] { true, false }), "the first is on the household list, not the child list");
        Assert.That((await ReadLabelsAsync()).Single().Person, Is.EqualTo(first.Key));
    }

    [Test]
    public async Task Import_FilledXlsx_IsReadLikeTheCsv()
    {
        var rows = MiniExcel.Query(Path.Combine(root.WorklistFolder(Quarter), "11110.xlsx"), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        foreach (var row in rows)
        {
            row[WorklistColumns.OutcomeHeader] = "지원";
            row[WorklistColumns.OutcomeDateHeader] = "2026-10-30";
        }

        var upload = Path.Combine(root.Path, "filled.xlsx");
        MiniExcel.SaveAs(upload, rows);

        var result = await Importer().ImportAsync(root, Quarter, upload, sigungu: "11110");

        Assert.That(result.Accepted, Is.EqualTo(rows.Count).And.GreaterThan(0));
        Assert.That((await ReadLabelsAsync()).Select(l => l.Outcome), Has.All.EqualTo("supported"));
    }

    [Test]
    public async Task Import_TheXlsxTemplateFilledInPlace_ReadsTheDropDownWordAndTheDateCell_AndTheRestAreNotYetWorked()
    {
        // As Excel saves it: the word picked from the drop-down as text in R2, the date typed in S2 as a date (a serial number in the date style).
        var template = Path.Combine(root.WorklistFolder(Quarter), "11110.xlsx");
        var upload = Path.Combine(root.Path, "in-place.xlsx");
        File.Copy(template, upload);
        using (var zip = System.IO.Compression.ZipFile.Open(upload, System.IO.Compression.ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            var dated = System.Text.RegularExpressions.Regex.Replace(xml, "<x:c r=\"S2\" s=\"([0-9]+)\" />", m => $"<x:c r=\"S2\" s=\"{m.Groups[1].Value}\"><x:v>46315</x:v></x:c>");
            var filled = dated.Replace("<x:c r=\"R2\" s=\"2\" />", "<x:c r=\"R2\" t=\"inlineStr\" s=\"2\"><x:is><x:t>긴급지원</x:t></x:is></x:c>", StringComparison.Ordinal);
            Assert.That(filled, Is.Not.EqualTo(dated).And.Not.EqualTo(xml), "the template has blank cells to fill in");
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            writer.Write(filled);
        }

        var result = await Importer().ImportAsync(root, Quarter, upload, sigungu: "11110");

        Assert.That((result.Accepted, result.Rejected, result.Pending), Is.EqualTo((1, 0, result.Read - 1)), string.Join("; ", result.Rows.Select(r => r.Message)));
        Assert.That((await ReadLabelsAsync()).Single().Outcome, Is.EqualTo("supported_emergency"));
    }

    [Test]
    public void Import_NotATemplate_SaysWhatItNeeds()
    {
        var upload = Path.Combine(root.Path, "random.csv");
        File.WriteAllText(upload, "a,b\n1,2\n");

        var error = Assert.ThrowsAsync<OutcomeFileException>(() => Importer().ImportAsync(root, Quarter, upload));

        Assert.That(error!.Message, Does.Contain("random.csv").And.Contain("워크리스트ID"));
    }

    private static OutcomeImporter Importer() => new(Keys, Later);

    /// <summary>The downloaded CSV worklist of a 시군구 with the last two columns filled as an official would.</summary>
    private string FillWorklist(string sigungu, Func<string, int, (string Outcome, string Date)> fill)
    {
        var lines = File.ReadAllLines(Path.Combine(root.WorklistFolder(Quarter), sigungu + ".csv"), Encoding.UTF8);
        var filled = new StringBuilder(lines[0]).Append("\r\n");
        for (var i = 1; i < lines.Length; i++)
        {
            var (outcome, date) = fill(lines[i], i - 1);
            filled.Append(lines[i][..^1]).Append(outcome).Append(',').Append(date).Append("\r\n");
        }

        var path = Path.Combine(root.Path, $"upload-{sigungu}-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, filled.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return path;
    }

    private async Task<List<(long Person, string Outcome)>> ReadLabelsAsync()
    {
        await using var reader = await ParquetReader.CreateAsync(root.Labels(Quarter));
        using var group = reader.OpenRowGroupReader(0);
        var n = (int)group.RowCount;
        var keys = new long[n];
        var outcomes = new string?[n];
        await group.ReadAsync(reader.Schema.DataFields.First(f => f.Name == "person_key"), keys.AsMemory());
        await group.ReadAsync(reader.Schema.DataFields.First(f => f.Name == "outcome"), outcomes.AsMemory());
        return [.. keys.Zip(outcomes, (k, o) => (k, o!))];
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
