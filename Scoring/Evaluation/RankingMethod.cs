namespace BlindSpot.Scoring.Evaluation;

/// <summary>The rankings a simulated dispatch is run with; each ranks every variant's eligible people.</summary>
public static class RankingMethod
{
    /// <summary>The evaluated model for its variant, the live models for the others (as the quarter would run).</summary>
    public const string Model = "model";

    /// <summary>Count of crisis indicators over all 47 feeds (<c>p_crisis_count</c>).</summary>
    public const string RuleAll = "rule_all_feeds";

    /// <summary>Count of the variant's own feeds with a record (sum of their <c>&lt;feed&gt;_presence</c> features).</summary>
    public const string RuleOwn = "rule_own_feeds";

    /// <summary>A seeded random order.</summary>
    public const string Random = "random";

    /// <summary>A perfect ranking from the simulator's truth: everyone in crisis first, by latent risk within.</summary>
    public const string Oracle = "oracle";

    public static IReadOnlyList<string> All { get; } = [Model, RuleAll, RuleOwn, Random, Oracle];

    /// <summary>
    /// Not a ranking: the method name of a catalog rule cohort's own picks on the model's lists, "cohort:&lt;code&gt;",
    /// measured after the five rankings (docs/DISPATCH.md, "Rule cohorts").
    /// </summary>
    public const string CohortPrefix = "cohort:";
}
