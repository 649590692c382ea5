using BlindSpot.Core.Catalog;

namespace BlindSpot.Scoring;

/// <summary>
/// The default share of eligible people each variant's quarterly quota takes (~150,000 of ~9M in all). The scorer
/// computes reasons for quota × margin candidates; precision at k uses these shares.
/// </summary>
internal static class Quotas
{
    public static double DefaultShare(Variant variant) => variant switch
    {
        Variant.Household => 0.012,
        Variant.Child => 0.002,
        Variant.LonelyDeath => 0.003,
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "Unknown variant."),
    };
}
