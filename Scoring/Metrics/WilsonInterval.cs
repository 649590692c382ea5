namespace BlindSpot.Scoring.Metrics;

/// <summary>
/// The Wilson score interval for a proportion: unlike the normal approximation it stays inside [0, 1] and keeps its
/// coverage at the small counts a child or lonely-death list gives (tens of people in the sample).
/// </summary>
internal static class WilsonInterval
{
    /// <summary>z of a two-sided 95 % interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The interval for <paramref name="successes"/> of <paramref name="trials"/>; (0, 1) when there are no trials.</summary>
    public static (double Low, double High) Of(int successes, int trials, double z = Z95)
    {
        if (successes < 0 || trials < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), $"{successes} successes of {trials} trials: need 0 ≤ successes ≤ trials.");
        }

        if (trials == 0)
        {
            return (0, 1);
        }

        double n = trials, p = successes / n, z2 = z * z;
        var centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        var half = z / (1 + (z2 / n)) * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
