namespace BlindSpot.Dispatch.Discovery;

/// <summary>The grade bars and Korean names of <see cref="DiscoveryGrade"/>.</summary>
public static class DiscoveryGrades
{
    /// <summary>상 reaches this many quotas down the national ranking: the margin Scoring explains with reasons.</summary>
    public const int HighQuotas = 3;

    /// <summary>중 reaches this many quotas down the national ranking.</summary>
    public const int MiddleQuotas = 10;

    /// <summary>The grade of national rank <paramref name="rank"/> (1 = highest) for a variant dispatching <paramref name="quota"/> people.</summary>
    public static DiscoveryGrade Of(int rank, int quota)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quota);
        return rank < 1 ? DiscoveryGrade.None
            : rank <= (long)HighQuotas * quota ? DiscoveryGrade.High
            : rank <= (long)MiddleQuotas * quota ? DiscoveryGrade.Middle
            : DiscoveryGrade.Low;
    }

    /// <summary>위기가구, 위기아동 or 고독사위험: the variant's name as worklists and cases show it.</summary>
    public static string VariantName(BlindSpot.Core.Catalog.Variant variant) => Worklists.WorklistColumns.VariantName(variant);

    /// <summary>상, 중, 하, or "-" for none.</summary>
    public static string KoreanName(DiscoveryGrade grade) => grade switch
    {
        DiscoveryGrade.High => "상",
        DiscoveryGrade.Middle => "중",
        DiscoveryGrade.Low => "하",
        _ => "-",
    };
}
