using BlindSpot.Core.Catalog;
using BlindSpot.Simulation.Randomness;

namespace BlindSpot.Simulation.Dispatches;

/// <summary>
/// Decides a field check's outcome from the hidden truth: the isolated are harder to reach (6–12 % unreachable
/// overall, as reported for 2015–2024); those truly in crisis are mostly supported, the others mostly not eligible.
/// Tuned so the overall shares land near 45–60 % supported and 25–40 % not eligible.
/// </summary>
internal static class OutcomeModel
{
    private const double SupportedIfInCrisis = 0.88;
    // 0.45 until the chronic non-payers (StandingArrears) filled the rule's dispatch with more people not in crisis and
    // pushed the not-eligible share to the top of its range; 0.48 puts the shares back in the middle (docs/BENCHMARKS.md).
    private const double SupportedOtherwise = 0.48;

    public static OutcomeKind Decide(ref RandomStream rng, bool inCrisis, float isolation)
    {
        if (rng.Chance(0.065 + (0.12 * isolation)))
        {
            return OutcomeKind.Unreachable;
        }

        return rng.Chance(inCrisis ? SupportedIfInCrisis : SupportedOtherwise) ? OutcomeKind.Supported : OutcomeKind.NotEligible;
    }

    public static string Code(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Supported => "supported",
        OutcomeKind.NotEligible => "not_eligible",
        _ => "unreachable",
    };

    /// <summary>Random key of an outcome: variant and contact person.</summary>
    public static ulong Entity(Variant variant, int person) => ((ulong)variant << 40) | (uint)person;
}
