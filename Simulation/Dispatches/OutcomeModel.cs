using BlindSpot.Core.Catalog;
using BlindSpot.Simulation.Randomness;

namespace BlindSpot.Simulation.Dispatches;

/// <summary>
/// Decides a field check's outcome from the hidden state of the household, in the categories the real system records
/// (docs/SIMULATION.md, "Outcomes", has the calibration table). In order: not reached (unreachable, more often the
/// isolated; moved away), reached but no need established (refused, mostly those who need nothing; already receiving,
/// mostly benefit households; other), then supported or not eligible by need — the household's largest severity, not
/// the binary truth: officials link minor support to people with some hardship, so most visited people are supported
/// (58.4 % in 2024) and only 11–14 % found not eligible. The kind of support follows the kind and depth of need.
/// </summary>
internal static class OutcomeModel
{
    // Calibrated on the 30,000-person test run and the 50,000-person sample (docs/SIMULATION.md): supported 45–60 %,
    // not eligible 11–14 % (tolerance 9–17 %), unreachable 6–12 %, the other results together 16–25 %.
    private const double UnreachableBase = 0.075, UnreachablePerIsolation = 0.10;
    private const double MovedRate = 0.03;
    private const double RefusedBase = 0.015, RefusedWithoutNeed = 0.10, RefusedPerIsolation = 0.05;
    private const double AlreadyIfBenefit = 0.45, AlreadyOtherwise = 0.06;
    private const double OtherBase = 0.04, OtherPerIllness = 0.05;
    private const double SupportBase = 0.77, SupportPerNeed = 0.2;

    public static OutcomeKind Decide(ref RandomStream rng, Variant variant, ReadOnlySpan<float> severity, bool benefit)
    {
        var isolation = severity[(int)LatentDimension.Isolation];
        var need = 0f;
        foreach (var s in severity)
        {
            need = Math.Max(need, s);
        }

        if (rng.Chance(UnreachableBase + (UnreachablePerIsolation * isolation)))
        {
            return OutcomeKind.Unreachable;
        }

        if (rng.Chance(MovedRate))
        {
            return OutcomeKind.Moved;
        }

        if (rng.Chance(RefusedBase + (RefusedWithoutNeed * (1 - need)) + (RefusedPerIsolation * isolation)))
        {
            return OutcomeKind.Refused;
        }

        if (rng.Chance(benefit ? AlreadyIfBenefit : AlreadyOtherwise))
        {
            return OutcomeKind.AlreadyReceiving;
        }

        if (rng.Chance(OtherBase + (OtherPerIllness * severity[(int)LatentDimension.Health])))
        {
            return OutcomeKind.Other;
        }

        return rng.Chance(SupportBase + (SupportPerNeed * need)) ? Kind(ref rng, variant, severity, need, benefit) : OutcomeKind.NotEligible;
    }

    /// <summary>The kind of support: protection for neglected children, livelihood or emergency aid for deep money or housing trouble, a public service for other real need, private resources for the rest.</summary>
    private static OutcomeKind Kind(ref RandomStream rng, Variant variant, ReadOnlySpan<float> s, float need, bool benefit)
    {
        var money = Math.Max(s[(int)LatentDimension.Financial], s[(int)LatentDimension.Housing]);
        if (variant == Variant.Child && s[(int)LatentDimension.ChildNeglect] >= 0.3f && rng.Chance(0.5))
        {
            return OutcomeKind.SupportedProtection;
        }

        if (!benefit && s[(int)LatentDimension.Financial] >= 0.5f && rng.Chance(0.3))
        {
            return OutcomeKind.SupportedLivelihood;
        }

        if (money >= 0.4f && rng.Chance(0.3))
        {
            return OutcomeKind.SupportedEmergency;
        }

        return rng.Chance(need >= 0.3f ? 0.55 : 0.25) ? OutcomeKind.SupportedService : OutcomeKind.SupportedPrivate;
    }

    public static bool IsSupported(OutcomeKind kind) => kind <= OutcomeKind.SupportedProtection;

    /// <summary>
    /// How much support lowers the household's severities in the next quarter (before <see cref="SimulationOptions.InterventionEffect"/>):
    /// cash and protection most, a private link least.
    /// </summary>
    public static float Relief(OutcomeKind kind) => kind switch
    {
        OutcomeKind.SupportedLivelihood => 0.4f,
        OutcomeKind.SupportedEmergency => 0.3f,
        OutcomeKind.SupportedProtection => 0.35f,
        OutcomeKind.SupportedService => 0.25f,
        OutcomeKind.SupportedPrivate => 0.1f,
        _ => 0f,
    };

    /// <summary>The code written in outcomes.csv: Dispatch's <c>OutcomeCode</c> words.</summary>
    public static string Code(OutcomeKind kind) => kind switch
    {
        OutcomeKind.SupportedLivelihood => "supported_livelihood",
        OutcomeKind.SupportedEmergency => "supported_emergency",
        OutcomeKind.SupportedService => "supported_service",
        OutcomeKind.SupportedPrivate => "supported_private",
        OutcomeKind.SupportedProtection => "supported_protection",
        OutcomeKind.NotEligible => "not_eligible",
        OutcomeKind.AlreadyReceiving => "already_receiving",
        OutcomeKind.Refused => "refused",
        OutcomeKind.Unreachable => "unreachable",
        OutcomeKind.Moved => "moved",
        _ => "other",
    };

    /// <summary>Random key of an outcome: variant and contact person.</summary>
    public static ulong Entity(Variant variant, int person) => ((ulong)variant << 40) | (uint)person;

    /// <summary>
    /// The relief of the support the system gave before the first delivered quarter, applied in the burn-in: a household
    /// with some severity of <see cref="BurnInNeed"/> or more is supported with this chance a quarter, with the mean relief of a
    /// supported outcome. The counterfactual run keeps it: it removes only the effect of the simulated dispatches.
    /// </summary>
    public const double BurnInSupportChance = 0.25;

    public const float BurnInNeed = 0.3f, BurnInRelief = 0.2f;

    /// <summary>Kinds in report order.</summary>
    public static IReadOnlyList<OutcomeKind> All { get; } = Enum.GetValues<OutcomeKind>();
}
