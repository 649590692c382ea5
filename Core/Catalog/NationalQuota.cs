namespace BlindSpot.Core.Catalog;

/// <summary>
/// How many people each variant sends to the municipalities a quarter, nationally: 110,000 household, 30,000 child and
/// 45,000 lonely-death entries for the ~9 million people covered. The child and lonely-death counts are the real
/// systems' (e아동행복지원: ~30,000 children a quarter; 고독사위기대응: ~180,000 a year in four rounds); they were 20,000
/// each until issue #21 (docs/SIMULATION.md, "Volumes"). Issue #20 makes them configurable. A smaller roster (the
/// 50,000-person sample) gets the same share. Dispatch selects this many; Scoring explains a margin above it.
/// </summary>
public static class NationalQuota
{
    /// <summary>The roster size the counts are set for.</summary>
    public const long ReferenceRoster = 9_000_000;

    public static int Count(Variant variant) => variant switch
    {
        Variant.Household => 110_000,
        Variant.Child => 30_000,
        Variant.LonelyDeath => 45_000,
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "Unknown variant."),
    };

    /// <summary><paramref name="count"/> scaled to a roster of <paramref name="rosterSize"/> people when it is smaller than the reference.</summary>
    public static int Scale(int count, long rosterSize, long referenceRoster = ReferenceRoster) =>
        rosterSize < referenceRoster
            ? (int)Math.Round((double)count * rosterSize / referenceRoster, MidpointRounding.AwayFromZero)
            : count;

    /// <summary>The variant's quota for a roster of <paramref name="rosterSize"/> people.</summary>
    public static int For(Variant variant, long rosterSize) => Scale(Count(variant), rosterSize);
}
