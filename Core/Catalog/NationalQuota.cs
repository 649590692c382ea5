namespace BlindSpot.Core.Catalog;

/// <summary>
/// How many people each variant sends to the municipalities a quarter, nationally: 110,000 household, 20,000 child and
/// 20,000 lonely-death entries — about 150,000 (≈1.7%) of the ~9 million people covered. A smaller roster (the
/// 50,000-person sample) gets the same share. Dispatch selects this many; Scoring explains a margin above it.
/// </summary>
public static class NationalQuota
{
    /// <summary>The roster size the counts are set for.</summary>
    public const long ReferenceRoster = 9_000_000;

    public static int Count(Variant variant) => variant switch
    {
        Variant.Household => 110_000,
        Variant.Child => 20_000,
        Variant.LonelyDeath => 20_000,
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
