namespace BlindSpot.Scoring.Training;

/// <summary>The fixed prose of every model card: intended use, known limits and how selection bias is handled.</summary>
internal static class CardText
{
    public const string IntendedUse =
        "Ranks the eligible people of one variant by P(supported if visited): the probability, fitted on the people visited " +
        "before, that a municipal visit ends in support, so officials visit the top of the list first. A prioritisation aid for a human visit, never " +
        "an eligibility decision; synthetic data only.";

    public const string SelectionBias =
        "Labels exist only for people someone chose to visit: mostly the rule baseline's and earlier models' top candidates, " +
        "plus a random audit sample of the eligible population. Training uses every labelled row (the audit rows teach the model " +
        "about people the rule never picks); unreachable people are excluded and counted. Validation metrics are reported twice: " +
        "on all labelled rows of the validation quarter (biased towards people the rule already ranks high) and on the audit rows " +
        "only, which are a random sample and so estimate population AUC and precision at the quota without selection bias. " +
        "Promotion backtests the candidate's and the live model's settings on the same folds (trained up to each of the last " +
        "labelled quarters, tested on the next one's dispatched list) and refuses a candidate worse beyond noise; with the " +
        "simulator's truth the lists are judged against it, else against all labels (biased toward the visits made) with the " +
        "audit labels (unbiased, few) beside them.";

    public static IReadOnlyList<string> KnownLimits { get; } =
    [
        "Trained on synthetic data from the BlindSpot simulator; figures say nothing about real populations.",
        "People never visited and never audited are unlabelled; the model can only learn crises that visits reveal.",
        "The audit sample is small, so audit metrics have wide confidence intervals, especially for the child variant.",
        "The score is P(supported if visited), fitted (FastTree's built-in Platt sigmoid) to the visited, labelled people; it is not the chance of a crisis and is too high for the whole eligible population (the evaluation's audit row checks it); use it to rank.",
        "Feature contributions behind the reasons are in raw score space and explain the ranking, not the probability.",
        "Outcomes depend on municipal practice, which differs between 시군구.",
    ];
}
