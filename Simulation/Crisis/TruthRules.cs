using BlindSpot.Core.Catalog;

namespace BlindSpot.Simulation.Crisis;

/// <summary>
/// Who is truly in crisis for each variant, from the hidden severities. The risks are scaled so that risk ≥ 0.5
/// exactly when the rule holds; the flags are computed from the rules themselves, not from the scaled risk.
/// </summary>
internal static class TruthRules
{
    /// <summary>Household variant: an adult whose household has some severity ≥ 0.5.</summary>
    public static bool HouseholdInCrisis(int age, float maxSeverity) => age >= 18 && maxSeverity >= 0.5f;

    public static float HouseholdRisk(int age, float maxSeverity) => age >= 18 ? maxSeverity : 0f;

    /// <summary>Child variant: aged 0–17 with child neglect ≥ 0.5, or financial and housing hardship averaging ≥ 0.6.</summary>
    public static bool ChildInCrisis(int age, ReadOnlySpan<float> s) =>
        age <= 17 && (s[(int)LatentDimension.ChildNeglect] >= 0.5f || (s[(int)LatentDimension.Financial] + s[(int)LatentDimension.Housing]) / 2 >= 0.6f);

    public static float ChildRisk(int age, ReadOnlySpan<float> s) =>
        age <= 17 ? Math.Max(s[(int)LatentDimension.ChildNeglect], (s[(int)LatentDimension.Financial] + s[(int)LatentDimension.Housing]) / 2 * (0.5f / 0.6f)) : 0f;

    /// <summary>Lonely-death variant: living alone, aged 40+, isolation ≥ 0.5 and health or financial ≥ 0.3.</summary>
    public static bool LonelyDeathInCrisis(int age, bool single, ReadOnlySpan<float> s) =>
        single && age >= 40 && s[(int)LatentDimension.Isolation] >= 0.5f
        && (s[(int)LatentDimension.Health] >= 0.3f || s[(int)LatentDimension.Financial] >= 0.3f);

    public static float LonelyDeathRisk(int age, bool single, ReadOnlySpan<float> s) =>
        single && age >= 40
            ? Math.Min(s[(int)LatentDimension.Isolation], Math.Max(s[(int)LatentDimension.Health], s[(int)LatentDimension.Financial]) * (0.5f / 0.3f))
            : 0f;
}
