namespace BlindSpot.Scoring.Training;

/// <summary>The fixed prose of every model card: intended use, known limits and how selection bias is handled.</summary>
internal static class CardText
{
    public const string IntendedUse =
        "Ranks the eligible people of one variant by the calibrated probability that a municipal visit finds them in crisis " +
        "and in need of support, so officials visit the top of the list first. A prioritisation aid for a human visit, never " +
        "an eligibility decision; synthetic data only.";

    public const string SelectionBias =
        "Labels exist only for people someone chose to visit: mostly the rule baseline's and earlier models' top candidates, " +
        "plus a random audit sample of the eligible population. Training uses every labelled row (the audit rows teach the model " +
        "about people the rule never picks); unreachable people are excluded and counted. Validation metrics are reported twice: " +
        "on all labelled rows of the validation quarter (biased towards people the rule already ranks high) and on the audit rows " +
        "only, which are a random sample and so estimate population AUC and precision at the quota without selection bias. " +
        "Promotion compares the audit AUC when the audit rows hold both outcomes, else the all-rows AUC.";

    public static IReadOnlyList<string> KnownLimits { get; } =
    [
        "Trained on synthetic data from the BlindSpot simulator; figures say nothing about real populations.",
        "People never visited and never audited are unlabelled; the model can only learn crises that visits reveal.",
        "The audit sample is small, so audit metrics have wide confidence intervals, especially for the child variant.",
        "Probabilities are calibrated to the labelled mix (FastTree's built-in Platt sigmoid), not to the whole population; use them to rank.",
        "Feature contributions behind the reasons are in raw score space and explain the ranking, not the probability.",
        "Outcomes depend on municipal practice, which differs between 시군구.",
    ];
}
