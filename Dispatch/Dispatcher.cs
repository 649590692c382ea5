using System.Globalization;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Partitioning;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Regions;
using BlindSpot.Dispatch.Identity;
using BlindSpot.Dispatch.Reasons;
using BlindSpot.Dispatch.Register;
using BlindSpot.Dispatch.Selection;
using BlindSpot.Dispatch.Worklists;

namespace BlindSpot.Dispatch;

/// <summary>
/// The dispatch stage: the quarter's scores → the top people per variant, named from the identity vault, with Korean
/// reasons, into per-시군구 worklists (through an <see cref="IWorklistStore"/>), the dispatch register and a summary.
/// No bookkeeping: <see cref="DispatchStage"/> runs it through the checkpoint.
/// </summary>
public sealed class Dispatcher(FeedCatalog catalog, RegionRegistry regions, DispatchOptions options, Pseudonymizer pseudonymizer)
{
    /// <summary>Dispatches the quarter in this process: every bucket's facts part (all cores, skipping current ones), then the selection.</summary>
    public Task<DispatchSummary> DispatchAsync(DataRoot root, Quarter quarter, IWorklistStore store, CancellationToken ct = default) =>
        DispatchAsync(root, quarter, store, partsDone: false, ct);

    /// <summary>
    /// Dispatches the quarter; with <paramref name="partsDone"/> the facts parts were run as bucket jobs
    /// (<see cref="DispatchFacts.RunPartAsync"/>), and a part found stale is written again here rather than trusted.
    /// </summary>
    public async Task<DispatchSummary> DispatchAsync(DataRoot root, Quarter quarter, IWorklistStore store, bool partsDone, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(store);
        // First, so a dispatch date outside its range fails the stage (recorded, with the key named) before anything is read.
        options.ValidateFor(quarter);
        CohortMembers.CheckCounts(catalog, options);
        var parts = new DispatchFacts(catalog, options);
        var plan = await parts.PlanAsync(root, quarter, ct).ConfigureAwait(false);
        if (!partsDone)
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount), CancellationToken = ct };
            await Parallel.ForEachAsync(plan.Buckets, parallel, async (bucket, token) =>
                await parts.EnsurePartAsync(root, quarter, plan, bucket, token).ConfigureAwait(false)).ConfigureAwait(false);
        }

        var roster = RosterFacts.Sparse(plan.People);
        var members = parts.ActiveCohorts.ToDictionary(c => c.Code, _ => new HashSet<long>(), StringComparer.Ordinal);
        foreach (var bucket in plan.Buckets)
        {
            await parts.EnsurePartAsync(root, quarter, plan, bucket, ct).ConfigureAwait(false);
            parts.LoadPart(root, quarter, bucket, roster, members);
        }

        var notEligible = await LabelHistory.NotEligibleAsync(root, quarter, options.NotEligibleLookbackQuarters, ct).ConfigureAwait(false);
        var (selections, warnings) = await SelectAsync(root, quarter, plan, parts, roster, notEligible, members, ct).ConfigureAwait(false);
        var people = selections.SelectMany(s => s.Selected).ToList();
        var wanted = people.Select(p => roster.PersonKeys[p.Person])
            .Concat(people.Where(p => p.Variant == Variant.Household).SelectMany(p => roster.OtherMembers(p.Person)).Select(m => roster.PersonKeys[m]))
            .ToHashSet();
        var identities = IdentityVault.Read(root.IdentityVault(quarter), wanted, pseudonymizer);
        var reasons = await ReasonTextsAsync(root, quarter, roster, selections, ct).ConfigureAwait(false);
        var history = PreviousDispatches(root, quarter);
        var rows = BuildEntries(quarter, roster, selections, identities, reasons, history);
        var entries = rows.Select(r => r.Entry).ToList();

        await store.ReplaceQuarterAsync(quarter, entries, ct).ConfigureAwait(false);
        DispatchRegister.Write(root.PastDispatches(quarter), rows.Select(r => identities.GetValueOrDefault(roster.PersonKeys[r.Person]) is { } id ? (r.Entry, id.ResidentNumber, id.HouseholdNumber) : (r.Entry, "", "")));
        var summary = Summarise(quarter, roster, selections, entries, identities.Count, wanted.Count, history, warnings);
        // With the worklists in PostgreSQL only, no worklist file made the folder the summary lives in.
        Directory.CreateDirectory(Path.GetDirectoryName(root.DispatchSummary(quarter))!);
        await File.WriteAllBytesAsync(root.DispatchSummary(quarter), summary.ToUtf8Json(), ct).ConfigureAwait(false);
        LastRankingRows = plan.Prefixes.ToDictionary(p => p.Key, p => p.Value.Rows.Count);
        return summary;
    }

    /// <summary>Rows of each ranking the last dispatch held when its selection was made (the plan's prefix, or more when a walk widened it).</summary>
    internal IReadOnlyDictionary<Variant, int> LastRankingRows { get; private set; } = new Dictionary<Variant, int>();

    /// <summary>Times the last dispatch's walks needed more of a ranking than they held and the facts of further people were fetched.</summary>
    internal int LastWidenings { get; private set; }

    /// <summary>
    /// Selects every variant from the plan's ranking prefixes, the cohorts' members' rows (one streaming pass over each
    /// ranking) and the facts held. A walk that runs past its prefix doubles it, fetches the further people's facts and
    /// selects again from the start, so the lists are those of the whole ranking.
    /// </summary>
    private async Task<(List<VariantSelection>, List<string>)> SelectAsync(DataRoot root, Quarter quarter, FactsPlan plan, DispatchFacts parts, RosterFacts roster, HashSet<(long, Variant)> notEligible, IReadOnlyDictionary<string, HashSet<long>> members, CancellationToken ct)
    {
        var cohortRows = new Dictionary<Variant, IReadOnlyList<ScoredPerson>>();
        foreach (var variant in plan.Prefixes.Keys)
        {
            var sets = parts.ActiveCohorts.Where(c => c.Variant == variant).Select(c => members[c.Code]).ToList();
            cohortRows[variant] = sets.Count == 0 ? [] : (await ScoreFile.FilterAsync(root.Scores(quarter, variant), key => sets.Exists(s => s.Contains(key)), ct).ConfigureAwait(false)).Rows;
        }

        var asked = new HashSet<long>(plan.Wanted);
        LastWidenings = 0;
        while (true)
        {
            var selector = new WorklistSelector(options, roster, notEligible, members, catalog.Cohorts);
            var selections = new List<VariantSelection>();
            var warnings = new List<string>();
            try
            {
                foreach (var variant in options.Priority)
                {
                    if (!plan.Prefixes.TryGetValue(variant, out var prefix))
                    {
                        warnings.Add($"{root.Scores(quarter, variant)}: no {variant.ToCode()} scores; that variant dispatches nobody this quarter.");
                        continue;
                    }

                    selections.Add(selector.Select(variant, prefix.Rows, prefix.ModelVersion, prefix.Complete, cohortRows[variant]));
                }
            }
            catch (RankingPrefixTooShortException shorter)
            {
                var longer = await ScoreFile.ReadPrefixAsync(root.Scores(quarter, shorter.Variant), (int)Math.Min(int.MaxValue, Math.Max(2L * shorter.Rows, 1)), ct).ConfigureAwait(false);
                plan.Prefixes[shorter.Variant] = longer;
                var further = longer.Rows.Select(r => r.PersonKey).Where(asked.Add).ToHashSet();
                await parts.FetchAsync(root, quarter, further, roster, ct).ConfigureAwait(false);
                LastWidenings++;
                continue;
            }

            return selections.Count > 0
                ? (selections, warnings)
                : throw new InvalidOperationException($"No scores for {quarter} under {Path.GetDirectoryName(root.Scores(quarter, Variant.Household))}: run 'blindspot score {quarter}' first.");
        }
    }

    /// <summary>Korean reason sentences per (variant, person), rendered from the scores' reason codes and the lake.</summary>
    private async Task<Dictionary<(Variant, int), string[]>> ReasonTextsAsync(DataRoot root, Quarter quarter, RosterFacts roster, List<VariantSelection> selections, CancellationToken ct)
    {
        var renderer = new ReasonRenderer(catalog);
        var codes = new Dictionary<(Variant, int), (string Feature, float Value)[]>();
        foreach (var selection in selections)
        {
            var byRow = await ScoreFile.ReadReasonsAsync(root.Scores(quarter, selection.Variant), [.. selection.Selected.Select(s => s.Scored.Row)], ct).ConfigureAwait(false);
            foreach (var s in selection.Selected)
            {
                codes[(selection.Variant, s.Person)] = byRow.GetValueOrDefault(s.Scored.Row) ?? [];
            }
        }

        var records = new Dictionary<(string Feed, long Key), IReadOnlyDictionary<string, object?>>();
        foreach (var group in codes.SelectMany(c => c.Value.Select(r => (Feed: renderer.FeedOf(r.Feature), c.Key.Item2))).Where(x => x.Feed is not null).GroupBy(x => x.Feed!))
        {
            var keys = group.Select(x => UnitKey(group.Key, roster, x.Item2)).ToHashSet();
            foreach (var (key, record) in await LakeLookup.LatestAsync(group.Key, TableFiles.Lake(root, quarter, group.Key.Code).Paths(), keys, ct, ReasonRenderer.ColumnsOf(group.Key)).ConfigureAwait(false))
            {
                records[(group.Key.Code, key)] = record;
            }
        }

        // A rule cohort's entry gives its rule first, then the model's two strongest reasons (three columns in all).
        var rules = selections.SelectMany(v => v.Selected).Where(x => x.Cohort is not null).ToDictionary(x => (x.Variant, x.Person), x => x.Cohort!.ReasonKo);
        return codes.ToDictionary(c => c.Key, c =>
        {
            var rendered = c.Value.Select(r =>
            {
                var feed = renderer.FeedOf(r.Feature);
                var record = feed is null ? null : records.GetValueOrDefault((feed.Code, UnitKey(feed, roster, c.Key.Item2)));
                return renderer.Render(r.Feature, r.Value, record);
            }).Distinct();
            return rules.TryGetValue(c.Key, out var rule) ? [rule, .. rendered.Take(ScoreFile.ReasonCount - 1)] : rendered.ToArray();
        });
    }

    private static long UnitKey(FeedDefinition feed, RosterFacts roster, int person) =>
        feed.Unit == FeedUnit.Person ? roster.PersonKeys[person] : roster.HouseholdKeys[person];

    private Dictionary<string, List<string>> PreviousDispatches(DataRoot root, Quarter quarter)
    {
        var history = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var k = options.HistoryQuarters; k >= 1; k--)
        {
            var earlier = quarter.AddQuarters(-k);
            foreach (var resident in DispatchRegister.ResidentNumbers(root.PastDispatches(earlier)))
            {
                (history.TryGetValue(resident, out var list) ? list : history[resident] = []).Add(earlier.ToString());
            }
        }

        return history;
    }

    private List<(WorklistEntry Entry, int Person)> BuildEntries(Quarter quarter, RosterFacts roster, List<VariantSelection> selections, Dictionary<long, IdentityRecord> identities, Dictionary<(Variant, int), string[]> reasons, Dictionary<string, List<string>> history)
    {
        var entries = new List<(WorklistEntry Entry, int Person)>();
        foreach (var selection in selections)
        {
            var count = selection.Selected.Count;
            foreach (var group in selection.Selected.GroupBy(s => roster.Sigungu[s.Person]))
            {
                var sigungu = group.Key.ToString("D5", CultureInfo.InvariantCulture);
                var sigunguName = regions.TryGetSigungu(sigungu, out var region) ? region.NameKo : sigungu;
                var rank = 0;
                foreach (var s in group.OrderBy(s => s.Position))
                {
                    var identity = identities.GetValueOrDefault(roster.PersonKeys[s.Person]);
                    entries.Add((new WorklistEntry
                    {
                        WorklistId = $"{quarter}-{sigungu}-{Letter(selection.Variant)}-{s.Position:D6}",
                        Quarter = quarter.ToString(),
                        PersonKey = roster.PersonKeys[s.Person],
                        SigunguCode = sigungu,
                        SigunguName = sigunguName,
                        Variant = selection.Variant,
                        RiskBand = s.Position * 3 <= count ? "상" : s.Position * 3 <= count * 2 ? "중" : "하",
                        SigunguRank = ++rank,
                        NationalRank = s.Scored.NationalRank,
                        Score = s.Scored.Score,
                        Name = identity?.Name ?? "(신원정보 없음)",
                        MaskedResidentNumber = identity is null ? "" : ResidentNumber.Mask(identity.ResidentNumber),
                        Address = identity?.Address ?? "",
                        Phone = identity?.Phone ?? "",
                        Reasons = reasons.GetValueOrDefault((selection.Variant, s.Person)) ?? [],
                        OtherMembers = selection.Variant == Variant.Household ? Members(roster, s.Person, identities) : [],
                        PreviousDispatches = identity is not null && history.TryGetValue(identity.ResidentNumber, out var earlier) ? earlier : [],
                        OutcomeDue = options.OutcomeDueOf(quarter),
                        ModelVersion = selection.ModelVersion,
                        SelectedBy = s.Cohort is null ? "model" : "rule",
                    }, s.Person));
                }
            }
        }

        // Worklist order: 시군구, then variant in the fixed order household, child, lonely death (not the selection
        // order, so the files read the same whatever Priority is), then rank within the 시군구.
        return [.. entries.OrderBy(e => e.Entry.SigunguCode, StringComparer.Ordinal).ThenBy(e => ListOrder(e.Entry.Variant)).ThenBy(e => e.Entry.SigunguRank)];
    }

    private static int ListOrder(Variant variant) => variant switch
    {
        Variant.Household => 0,
        Variant.Child => 1,
        _ => 2,
    };

    private static string[] Members(RosterFacts roster, int person, Dictionary<long, IdentityRecord> identities) =>
        [.. roster.OtherMembers(person).Order().Select(m => identities.GetValueOrDefault(roster.PersonKeys[m]) is { } id ? $"{id.Name} ({ResidentNumber.Mask(id.ResidentNumber)})" : "(신원정보 없음)")];

    private static char Letter(Variant variant) => variant switch
    {
        Variant.Household => 'H',
        Variant.Child => 'C',
        _ => 'L',
    };

    private DispatchSummary Summarise(Quarter quarter, RosterFacts roster, List<VariantSelection> selections, List<WorklistEntry> entries, int identified, int wanted, Dictionary<string, List<string>> history, List<string> warnings)
    {
        var previous = quarter.Previous.ToString();
        return new DispatchSummary
        {
            Quarter = quarter.ToString(),
            DispatchDate = options.DispatchDateOf(quarter),
            OutcomeDueDays = options.OutcomeDueDays,
            RosterSize = roster.People,
            Variants = selections.OrderBy(s => ListOrder(s.Variant)).ToDictionary(
                s => s.Variant.ToCode(),
                s => new DispatchSummary.VariantSummary(s.Quota, s.Selected.Count, s.ModelVersion, s.Excluded.Where(e => e.Value > 0).ToDictionary(e => e.Key.ToString(), e => e.Value))
                {
                    Cohorts = s.Cohorts.ToDictionary(c => c.Cohort.Code, c => new DispatchSummary.CohortSummary(c.Quota, c.Members, c.Selected)),
                }),
            PerSido = entries.GroupBy(e => e.SigunguCode[..2]).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<string, int>)g.GroupBy(e => e.Variant.ToCode()).ToDictionary(v => v.Key, v => v.Count())),
            PerSigungu = entries.GroupBy(e => e.SigunguCode).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            OverlapWithPreviousQuarter = entries.Count(e => e.PreviousDispatches.Contains(previous)),
            MissingIdentity = wanted - identified,
            Warnings = warnings,
        };
    }
}
