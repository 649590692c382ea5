using System.Globalization;
using System.Text;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Runs;
using BlindSpot.Dispatch;
using BlindSpot.Dispatch.Worklists;

namespace BlindSpot.Portal.Tests.TestSupport;

/// <summary>
/// A small data root as the pipeline leaves it after a quarter: worklists of 2026Q3 for 종로구 (11110, three entries) and
/// 수원시 (41110, two entries; more 종로구 entries on request) written by Dispatch's own file store, the dispatch register outcome uploads are checked
/// against, a run manifest with its report, and one model with a card and an evaluation report.
/// </summary>
internal sealed class PortalData : IDisposable
{
    public const string Quarter = "2026Q3";
    public const string Jongno = "11110";
    public const string Suwon = "41110";
    public const string ModelVersion = "v20260101-abcdef12";

    /// <summary>A real 4×4 PNG: the charts beside the run and evaluation reports, so a browser can show them.</summary>
    public static readonly byte[] Chart = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGP4z8AARwzEcQCukw/x0F8jngAAAABJRU5ErkJggg==");

    private PortalData(DataRoot root, IReadOnlyList<WorklistEntry> entries)
    {
        Root = root;
        Entries = entries;
    }

    public DataRoot Root { get; }

    public IReadOnlyList<WorklistEntry> Entries { get; }

    public string ModelsFolder => Path.Combine(Root.Path, "models");

    public IReadOnlyList<WorklistEntry> Of(string sigungu) => [.. Entries.Where(e => e.SigunguCode == sigungu)];

    /// <param name="moreJongno">Extra 종로구 entries (household, grade 하, ranks from 3, names 주민0001…), for lists longer than a page.</param>
    /// <param name="dispatchDate">
    /// A run dispatched on this day (배부일): the entries due 60 days after it and the date recorded in the dispatch
    /// summary, as Dispatch writes them. Default: no summary, entries due 2026-11-29 (the quarter's last day + 60).
    /// </param>
    public static async Task<PortalData> CreateAsync(int moreJongno = 0, DateOnly? dispatchDate = null)
    {
        var root = new DataRoot(Directory.CreateTempSubdirectory("blindspot-portal-").FullName);
        var quarter = Core.Quarters.Quarter.Parse(Quarter, CultureInfo.InvariantCulture);
        WorklistEntry[] entries =
        [
            Entry(Jongno, "종로구", Variant.Household, 1, "김하나", 1),
            Entry(Jongno, "종로구", Variant.Household, 2, "이두리", 2),
            Entry(Jongno, "종로구", Variant.Child, 1, "박세나", 3),
            Entry(Suwon, "수원시", Variant.Household, 1, "최네나", 4),
            Entry(Suwon, "수원시", Variant.LonelyDeath, 1, "정다섯", 5),
            .. Enumerable.Range(1, moreJongno).Select(i => Entry(Jongno, "종로구", Variant.Household, 2 + i, $"주민{i:D4}", 5 + i) with { RiskBand = "하" }),
        ];
        if (dispatchDate is { } dispatched)
        {
            entries = [.. entries.Select(e => e with { OutcomeDue = dispatched.AddDays(60) })];
        }

        await new FileWorklistStore(root).ReplaceQuarterAsync(quarter, entries, CancellationToken.None);
        if (dispatchDate is { } day)
        {
            WriteSummary(root, quarter, entries, day);
        }

        WriteRegister(root, quarter, entries);
        WriteRun(root, quarter);
        WriteModel(root);
        return new PortalData(root, entries);
    }

    public static string ResidentNumber(int serial) => Core.Keys.ResidentNumber.Create(new DateOnly(1950 + (serial % 50), 3, 1), serial % 2 == 0, serial);

    public void Dispose() => Directory.Delete(Root.Path, recursive: true);

    private static WorklistEntry Entry(string sigungu, string name, Variant variant, int rank, string person, int serial) => new()
    {
        WorklistId = $"{Quarter}-{sigungu}-{variant.ToCode()[0].ToString().ToUpperInvariant()}-{serial:D6}",
        Quarter = Quarter,
        PersonKey = Pseudonymizer.ForSampleData().Person(ResidentNumber(serial)).Value,
        SigunguCode = sigungu,
        SigunguName = name,
        Variant = variant,
        RiskBand = "상",
        SigunguRank = rank,
        NationalRank = serial,
        Score = 0.9f - (serial / 100f),
        Name = person,
        MaskedResidentNumber = Core.Keys.ResidentNumber.Mask(ResidentNumber(serial)),
        Address = $"{name} 어딘가로 {serial}",
        Phone = $"010-0000-000{serial}",
        Reasons = ["건강보험료 8개월 체납 (1,240,000원)"],
        OutcomeDue = new DateOnly(2026, 11, 29),
        ModelVersion = ModelVersion,
    };

    private static void WriteRegister(DataRoot root, Quarter quarter, IEnumerable<WorklistEntry> entries)
    {
        Directory.CreateDirectory(root.OutcomesFolder(quarter));
        var text = new StringBuilder("quarter,variant,resident_no,household_no,sigungu_code,selected_by,score,worklist_id\n");
        var serial = 0;
        foreach (var e in entries)
        {
            serial++;
            text.Append(CultureInfo.InvariantCulture, $"{e.Quarter},{e.Variant.ToCode()},{ResidentNumber(serial)},H{serial:D9},{e.SigunguCode},model,{e.Score:0.####},{e.WorklistId}\n");
        }

        File.WriteAllText(root.PastDispatches(quarter), text.ToString(), new UTF8Encoding(true));
    }

    private static void WriteSummary(DataRoot root, Quarter quarter, IReadOnlyList<WorklistEntry> entries, DateOnly dispatched)
    {
        var summary = new DispatchSummary
        {
            Quarter = Quarter, DispatchDate = dispatched, OutcomeDueDays = 60, RosterSize = 1000, OverlapWithPreviousQuarter = 0, MissingIdentity = 0,
            Variants = entries.GroupBy(e => e.Variant).ToDictionary(g => g.Key.ToCode(), g => new DispatchSummary.VariantSummary(g.Count(), g.Count(), ModelVersion, new Dictionary<string, int>())),
            PerSido = entries.GroupBy(e => e.SigunguCode[..2]).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, int>)g.GroupBy(e => e.Variant.ToCode()).ToDictionary(v => v.Key, v => v.Count())),
            PerSigungu = entries.GroupBy(e => e.SigunguCode).ToDictionary(g => g.Key, g => g.Count()),
        };
        File.WriteAllBytes(root.DispatchSummary(quarter), summary.ToUtf8Json());
    }

    private static void WriteRun(DataRoot root, Quarter quarter)
    {
        var start = new DateTimeOffset(2026, 10, 1, 2, 0, 0, TimeSpan.Zero);
        var manifest = new RunManifest { Quarter = Quarter };
        string[] stages = ["ingest", "features", "score", "dispatch", "report"];
        for (var i = 0; i < stages.Length; i++)
        {
            manifest = manifest.With(new StageRecord
            {
                Stage = stages[i],
                State = StageState.Completed,
                StartedAt = start.AddMinutes(i),
                FinishedAt = start.AddMinutes(i).AddSeconds(42),
                Counts = new SortedDictionary<string, long>(StringComparer.Ordinal) { ["rows"] = 1000 + i },
            });
        }

        manifest.Save(root.RunManifest(quarter));
        var folder = Path.GetDirectoryName(root.RunManifest(quarter))!;
        File.WriteAllText(Path.Combine(folder, "report.html"), "<!DOCTYPE html><html><body><h1>Run report 2026Q3</h1><p><img src=\"selections.png\" alt=\"selections per 시도\"></p></body></html>");
        File.WriteAllBytes(Path.Combine(folder, "selections.png"), Chart);
    }

    private static void WriteModel(DataRoot root)
    {
        var folder = Path.Combine(root.Path, "models", "household", ModelVersion);
        Directory.CreateDirectory(Path.Combine(folder, "evaluation", "2026Q2"));
        File.WriteAllText(Path.Combine(folder, "model-card.json"), $$"""{ "variant": "household", "version": "{{ModelVersion}}", "validQuarter": "2026Q2" }""");
        File.WriteAllText(Path.Combine(folder, "evaluation", "2026Q2", "report.html"), "<!DOCTYPE html><html><body><h1>Evaluation household</h1><img src=\"roc.png\" alt=\"roc.png\" width=\"480\"></body></html>");
        File.WriteAllBytes(Path.Combine(folder, "evaluation", "2026Q2", "roc.png"), Chart);
        File.WriteAllText(Path.Combine(root.Path, "models", "household", "live.json"), $$"""{ "version": "{{ModelVersion}}" }""");
    }
}
