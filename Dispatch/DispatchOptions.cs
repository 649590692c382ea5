using System.Globalization;
using System.Text.Json.Serialization;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Dispatch;

/// <summary>
/// Settings of a quarter's dispatch; validated by <see cref="Validate"/> before anything is read.
/// Spill-over rule for <see cref="VariantQuota.SigunguCap"/>: the national ranking is walked in order and a person whose
/// 시군구 is full is skipped (counted as "cap"), so the places go to the next-ranked people elsewhere until the quota is met.
/// </summary>
public sealed class DispatchOptions
{
    /// <summary>The roster size the quota counts are set for. Default 9,000,000, the people the real system covers.</summary>
    public long ReferenceRoster { get; set; } = NationalQuota.ReferenceRoster;

    /// <summary>Most entries a variant's national quota may be (one in eight of the reference roster would no longer be a "blind spot").</summary>
    public const int MaxQuota = 2_000_000;

    /// <summary>
    /// Per-variant quotas, configuration keys <c>Dispatch:Quotas:Household|Child|LonelyDeath:Count</c> (and
    /// <c>:ScaleWithRoster</c>, <c>:SigunguCap</c>). Defaults from the real volumes (<see cref="NationalQuota"/>): 110,000
    /// household, 30,000 child (e아동행복지원), 45,000 lonely death (고독사위기대응, 180,000 a year): 185,000 of 9 million.
    /// </summary>
    public Dictionary<Variant, VariantQuota> Quotas { get; init; } = new()
    {
        [Variant.Household] = new VariantQuota { Count = NationalQuota.Count(Variant.Household) },
        [Variant.Child] = new VariantQuota { Count = NationalQuota.Count(Variant.Child) },
        [Variant.LonelyDeath] = new VariantQuota { Count = NationalQuota.Count(Variant.LonelyDeath) },
    };

    /// <summary>
    /// Order in which the lists are chosen; a person (and, with <see cref="OneVisitPerHousehold"/>, a household) listed by
    /// an earlier variant is not listed again. Default lonely_death, child, household: the two short lists whose people
    /// only their own model finds are chosen for their own variant first; the household list, which has the most people
    /// in crisis to choose from, comes last. Household first (the order before issue #20) left lonely death no crisis to
    /// find: every lonely-death crisis is also a household crisis, and the household list took them (docs/DISPATCH.md).
    /// </summary>
    public IReadOnlyList<Variant> Priority { get; init; } = [Variant.LonelyDeath, Variant.Child, Variant.Household];

    /// <summary>
    /// When true (the default), a list skips people whose household an earlier list in <see cref="Priority"/> already
    /// visits, so one household gets one visit a quarter; the household variant also lists one member per household. Two
    /// children of one household may both be on the child list (one visit, two cases). False lists people only once.
    /// </summary>
    public bool OneVisitPerHousehold { get; set; } = true;

    /// <summary>
    /// Quota per rule cohort (catalog <c>cohorts</c>) for a roster of <see cref="ReferenceRoster"/> people, scaled like
    /// the variant quotas, overriding the catalog's <c>count</c>: <c>Dispatch:CohortCounts:child_vaccination_school_absence</c>.
    /// A cohort's places are part of its variant's quota. Default empty: the catalog's counts. 0 switches a cohort off.
    /// </summary>
    public Dictionary<string, int> CohortCounts { get; init; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Tests only: the rows of each ranking dispatch gathers roster facts for before its walks (default three times the
    /// quota and 1,000 more, <see cref="Selection.DispatchFacts.InitialPrefix"/>). A walk that needs more widens it, so
    /// any value gives the same lists. Not configuration and not in <see cref="QuotaSetting"/> or the options' JSON.
    /// </summary>
    [JsonIgnore]
    internal int? InitialPrefixRows { get; set; }

    /// <summary>The cohort's count for the reference roster: the configured <see cref="CohortCounts"/> entry, else the catalog's.</summary>
    public int CohortCount(RuleCohort cohort)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        return CohortCounts.GetValueOrDefault(cohort.Code, cohort.Count);
    }

    /// <summary>Skip people already receiving basic-livelihood benefits (the benefit a crisis calls for). Default true.</summary>
    public bool ExcludeBenefitRecipients { get; set; } = true;

    /// <summary>Skip people found not eligible for the same variant in the last N quarters. Default 2; 0 switches it off; at most 8.</summary>
    public int NotEligibleLookbackQuarters { get; set; } = 2;

    /// <summary>Skip people the roster marks deceased (D) or moved out (M). Default true.</summary>
    public bool ExcludeDeceasedOrMoved { get; set; } = true;

    /// <summary>Quarters back to list earlier dispatches of the same person. Default 4.</summary>
    public int HistoryQuarters { get; set; } = 4;

    /// <summary>
    /// Days after the dispatch date (<see cref="DispatchDateOf"/>) by which the outcome is due: every worklist entry's
    /// 결과회신기한. Default 60; 1–365.
    /// </summary>
    public int OutcomeDueDays { get; set; } = 60;

    /// <summary>
    /// The day the lists reach the municipalities (배부일), configuration key <c>Dispatch:DispatchDate</c> (yyyy-MM-dd;
    /// <c>--dispatch-date</c> on <c>dispatch</c> and <c>run-quarter</c>). A declared input of the dispatch stage, never the
    /// clock: the same date dispatches the same bytes, another date dispatches again. Default (null): the quarter's last
    /// day, the date the due dates were counted from before it could be set. Valid from the quarter's last day up to the
    /// next quarter's last day (<see cref="ValidateFor"/>). Kept out of the options fingerprint: the stage's key holds the
    /// date itself (<c>#dispatch-date</c>), so an explicit date equal to the default does not dispatch again.
    /// </summary>
    [JsonIgnore]
    public DateOnly? DispatchDate { get; set; }

    /// <summary>The dispatch date for <paramref name="quarter"/>: <see cref="DispatchDate"/>, else the quarter's last day.</summary>
    public DateOnly DispatchDateOf(Quarter quarter) => DispatchDate ?? quarter.LastDay;

    /// <summary>When an entry dispatched for <paramref name="quarter"/> is due: its dispatch date + <see cref="OutcomeDueDays"/>.</summary>
    public DateOnly OutcomeDueOf(Quarter quarter) => DispatchDateOf(quarter).AddDays(OutcomeDueDays);

    /// <summary>
    /// <see cref="Validate"/>, then the settings that depend on the quarter: the dispatch date may not precede the quarter's
    /// last day (the lists are made from the whole quarter's data) nor pass the next quarter's last day (by then that
    /// quarter's own lists are due). Throws <see cref="ArgumentException"/> naming the key under <c>Dispatch</c>.
    /// </summary>
    public void ValidateFor(Quarter quarter)
    {
        Validate();
        if (DispatchDate is { } date)
        {
            var (first, last) = (quarter.LastDay, quarter.Next.LastDay);
            Check(date >= first && date <= last, string.Create(CultureInfo.InvariantCulture,
                $"DispatchDate must be {first:yyyy-MM-dd}–{last:yyyy-MM-dd} for {quarter} (from the quarter's last day to the next quarter's); it is {date:yyyy-MM-dd}."));
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting (by its configuration key under <c>Dispatch</c>) outside its range.</summary>
    public void Validate()
    {
        foreach (var variant in VariantNames.All)
        {
            if (!Quotas.TryGetValue(variant, out var quota))
            {
                throw new ArgumentException($"Invalid dispatch options: Quotas:{variant} is missing; every variant needs a quota.");
            }

            Check(quota.Count is >= 0 and <= MaxQuota, $"Quotas:{variant}:Count must be 0–{MaxQuota:N0}; it is {quota.Count}.");
            Check(quota.SigunguCap is null or > 0, $"Quotas:{variant}:SigunguCap must be positive; it is {quota.SigunguCap}.");
        }

        Check(Quotas.Count == VariantNames.All.Count, $"Quotas names an unknown variant; use {string.Join(", ", VariantNames.All)}.");
        foreach (var (code, count) in CohortCounts)
        {
            Check(count is >= 0 and <= MaxQuota, $"CohortCounts:{code} must be 0–{MaxQuota:N0}; it is {count}.");
        }

        Check(ReferenceRoster > 0, $"ReferenceRoster must be positive; it is {ReferenceRoster}.");
        Check(Priority.Distinct().Count() == VariantNames.All.Count && Priority.Count == VariantNames.All.Count, $"Priority must list each variant once ({string.Join(", ", VariantNames.All)}); it lists {string.Join(", ", Priority)}.");
        Check(NotEligibleLookbackQuarters is >= 0 and <= 8, $"NotEligibleLookbackQuarters must be 0–8; it is {NotEligibleLookbackQuarters}.");
        Check(HistoryQuarters is >= 0 and <= 12, $"HistoryQuarters must be 0–12; it is {HistoryQuarters}.");
        Check(OutcomeDueDays is >= 1 and <= 365, $"OutcomeDueDays must be 1–365; it is {OutcomeDueDays}.");
    }

    /// <summary>
    /// The quota settings as one line, for the dispatch stage's key (<c>#quotas</c>): "Household=110000/9000000 scaled,
    /// Child=…": a change to any of them dispatches again, and the run manifest shows which quotas made the lists.
    /// </summary>
    public string QuotaSetting() =>
        string.Join(", ", VariantNames.All.Select(v => Quotas[v] is var q
            ? $"{v}={q.Count}/{ReferenceRoster}{(q.ScaleWithRoster ? " scaled" : "")}{(q.SigunguCap is { } cap ? $" cap {cap}" : "")}"
            : "")
            .Concat(CohortCounts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}")));

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"Invalid dispatch options: {message}");
        }
    }
}
