namespace BlindSpot.Scoring.Evaluation;

/// <summary>
/// The people whose household had a supported outcome in the previous quarter's dispatch (truth
/// <c>supported_last_quarter</c>), and how they stand in the evaluated quarter for the evaluated variant. With a
/// counterfactual world (same seed, <c>--intervention-effect 0</c>), the same people (matched by person key) in that world:
/// people helped = in crisis there − in crisis here, with a 95 % interval (normal approximation, clustered by household,
/// since support and crisis are household-wide).
/// </summary>
/// <param name="Supported">People supported last quarter in the evaluated world.</param>
/// <param name="InCrisis">Of them, in crisis now for the variant.</param>
/// <param name="Counterfactual">Null without a counterfactual world.</param>
public sealed record PeopleHelped(int Supported, int InCrisis, PeopleHelpedCounterfactual? Counterfactual)
{
    public int NotInCrisis => Supported - InCrisis;
}
