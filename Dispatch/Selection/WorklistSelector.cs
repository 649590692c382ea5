using BlindSpot.Core.Catalog;

namespace BlindSpot.Dispatch.Selection;

/// <summary>
/// Walks each variant's national ranking in priority order and takes people until the quota is met: one entry per
/// person across variants, one per household for the household variant, a household visited by an earlier list skipped
/// by the later ones (<see cref="DispatchOptions.OneVisitPerHousehold"/>), with the configured exclusions and 시군구 caps.
/// Deterministic: the ranking is a total order and every rule is a pure function of it.
/// </summary>
internal sealed class WorklistSelector(DispatchOptions options, RosterFacts roster, IReadOnlySet<(long Person, Variant Variant)> recentlyNotEligible)
{
    private readonly HashSet<long> selectedPeople = [];

    /// <summary>Households visited by the lists chosen so far (earlier variants); the current list's own are in its local set.</summary>
    private readonly HashSet<long> visitedHouseholds = [];

    /// <summary>Selects one variant; call in <see cref="DispatchOptions.Priority"/> order.</summary>
    public VariantSelection Select(Variant variant, IReadOnlyList<ScoredPerson> ranking, string modelVersion)
    {
        var quota = options.Quotas[variant];
        var target = quota.For(roster.People, options.ReferenceRoster);
        var excluded = Enum.GetValues<ExclusionReason>().ToDictionary(r => r, _ => 0);
        var perSigungu = new Dictionary<int, int>();
        var households = new HashSet<long>();
        var selected = new List<Selection>(target);
        foreach (var scored in ranking)
        {
            if (selected.Count >= target)
            {
                break;
            }

            var person = roster.PersonIndex.Find(scored.PersonKey);
            var reason = person < 0 ? ExclusionReason.NotOnRoster : Exclusion(variant, person, households, perSigungu, quota.SigunguCap);
            if (reason is { } r)
            {
                excluded[r]++;
                continue;
            }

            selectedPeople.Add(scored.PersonKey);
            households.Add(roster.HouseholdKeys[person]);
            perSigungu[roster.Sigungu[person]] = perSigungu.GetValueOrDefault(roster.Sigungu[person]) + 1;
            selected.Add(new Selection(variant, person, scored, selected.Count + 1, target));
        }

        visitedHouseholds.UnionWith(households);
        return new VariantSelection(variant, target, selected, excluded, modelVersion);
    }

    private ExclusionReason? Exclusion(Variant variant, int person, HashSet<long> households, Dictionary<int, int> perSigungu, int? cap)
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

        if (recentlyNotEligible.Contains((roster.PersonKeys[person], variant)))
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

        if (variant == Variant.Household && households.Contains(roster.HouseholdKeys[person]))
        {
            return ExclusionReason.HouseholdAlreadyListed;
        }

        return cap is { } limit && perSigungu.GetValueOrDefault(roster.Sigungu[person]) >= limit ? ExclusionReason.SigunguCap : null;
    }
}
