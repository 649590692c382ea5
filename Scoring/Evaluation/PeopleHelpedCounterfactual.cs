namespace BlindSpot.Scoring.Evaluation;

/// <summary>The supported people compared with themselves in a world where support has no effect.</summary>
/// <param name="Matched">Supported people whose key is also in the counterfactual's truth.</param>
/// <param name="Unmatched">Supported people missing from the counterfactual's truth (left out of the comparison).</param>
/// <param name="InCrisisWithSupport">Of the matched, in crisis now in the evaluated world.</param>
/// <param name="InCrisisWithout">Of the matched, in crisis now in the counterfactual world.</param>
/// <param name="Households">Households of the matched people (the clusters of the interval).</param>
/// <param name="HelpedLow">Lower end of the 95 % interval of <see cref="Helped"/>.</param>
/// <param name="HelpedHigh">Upper end of the 95 % interval of <see cref="Helped"/>.</param>
public sealed record PeopleHelpedCounterfactual(int Matched, int Unmatched, int InCrisisWithSupport, int InCrisisWithout, int Households, double HelpedLow, double HelpedHigh)
{
    /// <summary>People helped: in crisis without the support's effect minus in crisis with it (negative if support did harm).</summary>
    public int Helped => InCrisisWithout - InCrisisWithSupport;
}
