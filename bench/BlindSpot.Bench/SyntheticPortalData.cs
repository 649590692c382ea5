using System.Globalization;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Csv;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Regions;
using BlindSpot.Dispatch;
using BlindSpot.Dispatch.Outcomes;
using BlindSpot.Dispatch.Worklists;

namespace BlindSpot.Bench;

/// <summary>
/// A data root for timing the portal's officer pages at national scale: one quarter's worklists for every 시군구
/// (<c>entries</c> in all, shared by population, written by Dispatch's own file store) and an outcome history of
/// <c>historyRows</c> accepted outcomes over those entries (each entry answered, then corrected, as long as rows remain).
/// Synthetic names and numbers; a fixed seed so two runs time the same files.
/// </summary>
internal static class SyntheticPortalData
{
    public static int Run(string dataRoot, string quarterText, int entries, int historyRows)
    {
        var root = new DataRoot(dataRoot);
        var quarter = Quarter.Parse(quarterText, CultureInfo.InvariantCulture);
        var regions = RegionRegistry.LoadDefault();
        var random = new Random(20261202); // fixed: the before and after runs read identical files
        var list = new List<WorklistEntry>(entries);
        var total = regions.TotalPopulation;
        var serial = 0;
        foreach (var sigungu in regions.Sigungu)
        {
            var share = sigungu == regions.Sigungu[^1] ? entries - list.Count : (int)(entries * (double)sigungu.Population / total);
            for (var rank = 1; rank <= share; rank++)
            {
                serial++;
                var variant = (Variant)(serial % 3);
                var resident = ResidentNumber.Create(new DateOnly(1940 + (serial % 60), 1 + (serial % 12), 1 + (serial % 28)), serial % 2 == 0, serial % 99_999);
                list.Add(new WorklistEntry
                {
                    WorklistId = $"{quarter}-{sigungu.Code}-{variant.ToCode()[0].ToString().ToUpperInvariant()}-{serial:D6}",
                    Quarter = quarter.ToString(),
                    PersonKey = serial,
                    SigunguCode = sigungu.Code,
                    SigunguName = sigungu.NameKo,
                    Variant = variant,
                    RiskBand = (rank % 3) switch { 0 => "상", 1 => "중", _ => "하" },
                    SigunguRank = rank,
                    NationalRank = serial,
                    Score = (float)random.NextDouble(),
                    Name = $"주민{serial:D6}",
                    MaskedResidentNumber = ResidentNumber.Mask(resident),
                    Address = $"{sigungu.NameKo} 어딘가로 {serial}",
                    Phone = $"010-{serial % 10_000:D4}-{rank % 10_000:D4}",
                    Reasons = ["건강보험료 8개월 체납 (1,240,000원)"],
                    OutcomeDue = DispatchCalendar.Default(quarter).Due,
                    ModelVersion = "bench",
                });
            }
        }

        new FileWorklistStore(root).ReplaceQuarterAsync(quarter, list, CancellationToken.None).GetAwaiter().GetResult();
        WriteHistory(OutcomeProgress.HistoryFile(root, quarter), quarter, list, historyRows, random);
        Console.WriteLine($"{list.Count:N0} entries in {regions.Sigungu.Count} 시군구, {historyRows:N0} history rows under {dataRoot}");
        return 0;
    }

    private static void WriteHistory(string path, Quarter quarter, List<WorklistEntry> list, int rows, Random random)
    {
        string[] outcomes = ["supported", "not_eligible", "unreachable"];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var csv = CsvFiles.CreatePrivate(path);
        csv.WriteHeader(["import_id", "line", "worklist_id", "resident_no", "variant", "sigungu_code", "selected_by", "outcome", "outcome_date"]);
        for (var i = 0; i < rows; i++)
        {
            var e = list[i % list.Count];
            csv.WriteRecord(
            [
                $"import-{i / 700:D6}", ((i % 700) + 2).ToString(CultureInfo.InvariantCulture), e.WorklistId,
                ResidentNumber.Create(new DateOnly(1940 + (i % 60), 1, 1), i % 2 == 0, i % 99_999), e.Variant.ToCode(), e.SigunguCode, "model",
                outcomes[random.Next(outcomes.Length)], quarter.FirstDay.AddDays(random.Next(80)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ]);
        }
    }
}
