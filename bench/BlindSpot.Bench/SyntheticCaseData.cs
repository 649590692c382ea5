using System.Globalization;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Regions;
using BlindSpot.Dispatch;
using BlindSpot.Portal.Cases;
using BlindSpot.Portal.Storage;
using Npgsql;

namespace BlindSpot.Bench;

/// <summary>
/// A case store at national scale for timing the case pages: <c>entries</c> cases a quarter for <c>quarters</c> quarters
/// up to <c>quarter</c>, shared among the 시군구 by population like <see cref="SyntheticPortalData"/>'s worklists (the same
/// ids in the last quarter, so the worklist and the cases agree), the same people again each quarter (so a case page has
/// earlier quarters to show), a third of them assigned to a 읍면동 and one in forty with a visit on record (each a transaction of its own, so the store is filled in minutes). Written
/// into the embedded store (<c>&lt;data&gt;/portal/cases.db</c>) or, given a connection string, into PostgreSQL's portal schema.
/// Synthetic names; a fixed pattern, so two runs time the same store.
/// </summary>
internal static class SyntheticCaseData
{
    public static int Run(string dataRoot, string quarterText, int entries, int quarters, string? postgres)
    {
        var last = Quarter.Parse(quarterText, CultureInfo.InvariantCulture);
        var regions = RegionRegistry.LoadDefault();
        ICaseStore store = postgres is null
            ? new SqliteCaseStore(Path.Combine(dataRoot, "portal", "cases.db"))
            : new PostgresCaseStore(new PortalDatabase(NpgsqlDataSource.Create(postgres), "portal"));
        var at = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
        for (var back = quarters - 1; back >= 0; back--)
        {
            var quarter = Enumerable.Range(0, back).Aggregate(last, (q, _) => q.Previous);
            var cases = Cases(regions, quarter, entries);
            store.AddAsync(cases, "system", at, CancellationToken.None).GetAwaiter().GetResult();
            foreach (var c in cases.Where(c => c.SigunguRank % 40 == 0))
            {
                store.ChangeStatusAsync(c.CaseId, CaseStatus.Assigned, CaseStatus.Contacted, "방문", "벤치마크 방문 기록", "officer-" + c.SigunguCode, at, CancellationToken.None).GetAwaiter().GetResult();
            }

            Console.WriteLine($"{quarter}: {cases.Count:N0} cases");
        }

        if (postgres is not null)
        {
            // Statistics now, as autovacuum would a minute later: without them the planner scans the whole table.
            using var dataSource = NpgsqlDataSource.Create(postgres);
            using var analyze = dataSource.CreateCommand("ANALYZE portal.cases; ANALYZE portal.case_events");
            analyze.ExecuteNonQuery();
        }

        return 0;
    }

    private static List<CaseRecord> Cases(RegionRegistry regions, Quarter quarter, int entries)
    {
        var list = new List<CaseRecord>(entries);
        var total = regions.TotalPopulation;
        var serial = 0;
        foreach (var sigungu in regions.Sigungu)
        {
            var share = sigungu == regions.Sigungu[^1] ? entries - list.Count : (int)(entries * (double)sigungu.Population / total);
            var eupmyeondongs = Eupmyeondongs.Of(sigungu);
            for (var rank = 1; rank <= share; rank++)
            {
                serial++;
                var variant = serial % 3;
                list.Add(new CaseRecord
                {
                    CaseId = $"{quarter}-{sigungu.Code}-{"HCL"[variant]}-{serial:D6}",
                    Quarter = quarter.ToString(),
                    SigunguCode = sigungu.Code,
                    EupmyeondongCode = rank % 3 == 0 && eupmyeondongs.Count > 0 ? eupmyeondongs[rank % eupmyeondongs.Count] : null,
                    PersonKey = serial,
                    VariantName = variant switch { 0 => "위기가구", 1 => "위기아동", _ => "고독사위험" },
                    RiskBand = (rank % 3) switch { 0 => "상", 1 => "중", _ => "하" },
                    SigunguRank = rank,
                    Name = $"주민{serial:D6}",
                    Due = DispatchCalendar.Default(quarter).Due,
                    ContinuedCare = variant == 2,
                    Reasons = rank % 5 == 0 ? ["단전 3개월", "건강보험료 8개월 체납 (1,240,000원)"] : ["건강보험료 8개월 체납 (1,240,000원)"],
                    Members = ["가족 (900101-2******)"],
                    PreviousQuarters = serial % 2 == 0 ? [quarter.Previous.ToString()] : [],
                });
            }
        }

        return list;
    }
}
