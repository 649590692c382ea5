using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Register;
using BlindSpot.Dispatch.Selection;

namespace BlindSpot.Dispatch.Simulation;

/// <summary>
/// Dispatch's own selection (quota per variant, one entry per household, the exclusions, the cross-variant priority),
/// run on rankings given in memory instead of score files, for evaluation: what officers would receive had the quarter
/// been ranked that way. Reads the roster and the not-eligible history once; <see cref="Select"/> may be called for as
/// many rankings as wanted. Writes nothing and never reads the identity vault.
/// </summary>
public sealed class SimulatedDispatch
{
    private readonly DispatchOptions options;
    private readonly RosterFacts roster;
    private readonly HashSet<(long Person, Variant Variant)> notEligible;
    private readonly IReadOnlyList<RuleCohort> cohorts;
    private readonly IReadOnlyDictionary<string, HashSet<long>> cohortMembers;

    private SimulatedDispatch(DispatchOptions options, RosterFacts roster, HashSet<(long, Variant)> notEligible, IReadOnlyList<RuleCohort> cohorts, IReadOnlyDictionary<string, HashSet<long>> cohortMembers)
    {
        this.options = options;
        this.roster = roster;
        this.notEligible = notEligible;
        this.cohorts = cohorts;
        this.cohortMembers = cohortMembers;
    }

    /// <summary>The variants in the order Dispatch selects them (the first to take a person keeps them).</summary>
    public IReadOnlyList<Variant> Priority => options.Priority;

    /// <summary>
    /// Reads what selection needs for <paramref name="quarter"/>: its roster, the last quarters' not-eligible labels and,
    /// for <paramref name="catalog"/>'s rule cohorts (none when null), who meets their conditions in the quarter's lake.
    /// </summary>
    public static async Task<SimulatedDispatch> LoadAsync(DataRoot root, Quarter quarter, DispatchOptions options, FeedCatalog? catalog = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var roster = await RosterFacts.ReadAsync(root, quarter, ct).ConfigureAwait(false);
        var notEligible = await LabelHistory.NotEligibleAsync(root, quarter, options.NotEligibleLookbackQuarters, ct).ConfigureAwait(false);
        var members = catalog is null ? new Dictionary<string, HashSet<long>>() : await CohortMembers.ReadAsync(root, quarter, catalog, options, roster, ct).ConfigureAwait(false);
        return new SimulatedDispatch(options, roster, notEligible, catalog?.Cohorts ?? [], members);
    }

    /// <summary>
    /// Selects every variant present in <paramref name="rankings"/> (person keys, best first) in priority order, exactly as
    /// <see cref="Dispatcher"/> does from score files; a variant without a ranking dispatches nobody, as without scores.
    /// Returns each variant's selected person keys in the order chosen (position 1 first), rule cohorts' picks included.
    /// </summary>
    public IReadOnlyDictionary<Variant, IReadOnlyList<long>> Select(IReadOnlyDictionary<Variant, IReadOnlyList<long>> rankings) => SelectWithCohorts(rankings).Lists;

    /// <summary><see cref="Select"/>, and apart from it each rule cohort's picks (by cohort code, in the order chosen).</summary>
    public SimulatedLists SelectWithCohorts(IReadOnlyDictionary<Variant, IReadOnlyList<long>> rankings)
    {
        ArgumentNullException.ThrowIfNull(rankings);
        var selector = new WorklistSelector(options, roster, notEligible, cohortMembers, cohorts);
        var lists = new Dictionary<Variant, IReadOnlyList<long>>();
        var picks = new Dictionary<string, IReadOnlyList<long>>(StringComparer.Ordinal);
        foreach (var variant in options.Priority.Where(rankings.ContainsKey))
        {
            // Only the key drives selection; score, rank and row are carried for the worklist, which is not written here.
            var ranking = rankings[variant].Select((key, i) => new ScoredPerson(key, 0f, i + 1, i)).ToArray();
            var selection = selector.Select(variant, ranking, "simulated");
            lists[variant] = [.. selection.Selected.Select(s => s.Scored.PersonKey)];
            foreach (var cohort in selection.Cohorts)
            {
                picks[cohort.Cohort.Code] = [.. selection.Selected.Where(s => s.Cohort == cohort.Cohort).Select(s => s.Scored.PersonKey)];
            }
        }

        return new SimulatedLists(lists, picks);
    }
}
