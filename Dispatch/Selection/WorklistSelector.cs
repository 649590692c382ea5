using BlindSpot.Core.Catalog;

namespace BlindSpot.Dispatch.Selection;

/// <summary>
/// Walks each variant's national ranking in priority order and takes people until the quota is met: one entry per
/// person across variants, one per household for the household variant, a household visited by an earlier list skipped
/// by the later ones (<see cref="DispatchOptions.OneVisitPerHousehold"/>), with the configured exclusions and 시군구 caps.
/// A variant with rule cohorts keeps their quotas free: the model takes the rest of the quota, then each cohort takes
/// its members the model left out (in ranking order), then the model fills what the cohorts could not.
/// Deterministic: the ranking is a total order and every rule is a pure function of it.
/// </summary>
internal sealed class WorklistSelector(DispatchOptions options, RosterFacts roster, IReadOnlySet<(long Person, Variant Variant)> recentlyNotEligible,
    IReadOnlyDictionary<string, HashSet<long>>? cohortMembers = null, IReadOnlyList<RuleCohort>? cohorts = null)
{
    private readonly HashSet<long> selectedPeople = [];

    /// <summary>Households visited by the lists chosen so far (earlier variants); the current list's own are in its local set.</summary>
    private readonly HashSet<long> visitedHouseholds = [];

    /// <summary>
    /// Selects one variant; call in <see cref="DispatchOptions.Priority"/> order. <paramref name="ranking"/> is the whole
    /// ranking, or (<paramref name="complete"/> false) a prefix of it: a walk that reaches its end short of its count
    /// throws <see cref="RankingPrefixTooShortException"/>, and the caller selects again with a longer prefix.
    /// <paramref name="cohortRanking"/>, when given, holds every ranking row of a member of the variant's cohorts, in
    /// rank order (the cohorts' walks skip everyone else, so they need no more).
    /// </summary>
    public VariantSelection Select(Variant variant, IReadOnlyList<ScoredPerson> ranking, string modelVersion, bool complete = true, IReadOnlyList<ScoredPerson>? cohortRanking = null)
    {
        var prefix = complete ? null : (Variant?)variant;
        var quota = options.Quotas[variant];
        var target = quota.For(roster.People, options.ReferenceRoster);
        var list = new ListInProgress(variant, target, quota.SigunguCap);
        var own = (cohorts ?? []).Where(c => c.Variant == variant).Select(c => (Cohort: c, Quota: CohortQuota(c))).ToList();
        var reserved = Math.Min(target, own.Sum(c => c.Quota));

        var walked = Walk(list, ranking, 0, target - reserved, cohort: null, members: null, prefix);
        var ofCohorts = cohortRanking ?? ranking;
        var cohortResults = new List<CohortSelection>();
        foreach (var (cohort, cohortQuota) in own)
        {
            var members = cohortMembers?.GetValueOrDefault(cohort.Code) ?? [];
            var before = list.Selected.Count;
            var room = Math.Min(cohortQuota, target - before);
            // The cohort's own walk: only its members, counted apart from the model's exclusions.
            Walk(list, ofCohorts, 0, before + room, cohort, members, cohortRanking is null ? prefix : null);
            cohortResults.Add(new CohortSelection(cohort, cohortQuota, ofCohorts.Count(s => members.Contains(s.PersonKey)), list.Selected.Count - before));
        }

        Walk(list, ranking, walked, target, cohort: null, members: null, prefix);
        visitedHouseholds.UnionWith(list.Households);
        return new VariantSelection(variant, target, list.Selected, list.Excluded, modelVersion) { Cohorts = cohortResults };
    }

    private int CohortQuota(RuleCohort cohort) => Core.Catalog.NationalQuota.Scale(options.CohortCount(cohort), roster.People, options.ReferenceRoster);

    /// <summary>
    /// Takes people from <paramref name="ranking"/>, starting at <paramref name="from"/>, until the list holds
    /// <paramref name="upTo"/>; returns where it stopped. People already on the list (taken by a cohort) and, in a cohort's walk, non-members are skipped silently.
    /// </summary>
    private int Walk(ListInProgress list, IReadOnlyList<ScoredPerson> ranking, int from, int upTo, RuleCohort? cohort, HashSet<long>? members, Variant? prefixOf)
    {
        var i = from;
        for (; i < ranking.Count && list.Selected.Count < upTo; i++)
        {
            var scored = ranking[i];
            if (list.People.Contains(scored.PersonKey) || (members is not null && !members.Contains(scored.PersonKey)))
            {
                continue;
            }

            var person = roster.PersonIndex.Find(scored.PersonKey);
            var reason = person < 0 ? ExclusionReason.NotOnRoster : Exclusion(list, person);
            if (reason is { } r)
            {
                if (cohort is null)
                {
                    list.Excluded[r]++;
                }

                continue;
            }

            selectedPeople.Add(scored.PersonKey);
            list.Add(new Selection(list.Variant, person, scored, list.Selected.Count + 1, list.Target) { Cohort = cohort }, roster);
        }

        if (prefixOf is { } variant && i == ranking.Count && list.Selected.Count < upTo)
        {
            throw new RankingPrefixTooShortException(variant, ranking.Count);
        }

        return i;
    }

    private ExclusionReason? Exclusion(ListInProgress list, int person)
    {
        if (options.ExcludeDeceasedOrMoved && roster.Status[person] == 'D')
        {
            return ExclusionReason.Deceased;
        }

        if (options.ExcludeDeceasedOrMoved && roster.Status[person] == 'M')
        {
            return ExclusionReason.MovedOut;
        }

        if (options.ExcludeBenefitRecipients && roster.BasicLivelihood[person])
        {
            return ExclusionReason.ReceivingBenefit;
        }

        if (recentlyNotEligible.Contains((roster.PersonKeys[person], list.Variant)))
        {
            return ExclusionReason.RecentlyNotEligible;
        }

        if (selectedPeople.Contains(roster.PersonKeys[person]))
        {
            return ExclusionReason.OnAnotherList;
        }

        if (options.OneVisitPerHousehold && visitedHouseholds.Contains(roster.HouseholdKeys[person]))
        {
            return ExclusionReason.HouseholdVisited;
        }

        if (list.Variant == Variant.Household && list.Households.Contains(roster.HouseholdKeys[person]))
        {
            return ExclusionReason.HouseholdAlreadyListed;
        }

        return list.Cap is { } limit && list.PerSigungu.GetValueOrDefault(roster.Sigungu[person]) >= limit ? ExclusionReason.SigunguCap : null;
    }

    /// <summary>One variant's list while it is being chosen.</summary>
    private sealed class ListInProgress(Variant variant, int target, int? cap)
    {
        public Variant Variant { get; } = variant;

        public int Target { get; } = target;

        public int? Cap { get; } = cap;

        public List<Selection> Selected { get; } = new(target);

        public HashSet<long> People { get; } = [];

        public HashSet<long> Households { get; } = [];

        public Dictionary<int, int> PerSigungu { get; } = [];

        public Dictionary<ExclusionReason, int> Excluded { get; } = Enum.GetValues<ExclusionReason>().ToDictionary(r => r, _ => 0);

        public void Add(Selection selection, RosterFacts roster)
        {
            Selected.Add(selection);
            People.Add(roster.PersonKeys[selection.Person]);
            Households.Add(roster.HouseholdKeys[selection.Person]);
            PerSigungu[roster.Sigungu[selection.Person]] = PerSigungu.GetValueOrDefault(roster.Sigungu[selection.Person]) + 1;
        }
    }
}

/// <summary>A walk reached the end of the ranking prefix it was given before its list was full: select again with a longer one.</summary>
internal sealed class RankingPrefixTooShortException(Variant variant, int rows)
    : Exception($"The walk of {variant.ToCode()} needs more than the first {rows} rows of its ranking.")
{
    public Variant Variant { get; } = variant;

    public int Rows { get; } = rows;
}
