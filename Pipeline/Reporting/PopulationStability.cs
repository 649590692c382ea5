namespace BlindSpot.Pipeline.Reporting;

/// <summary>
/// The population stability index of two binned distributions over the same bins: Σ (aᵢ − eᵢ) · ln(aᵢ / eᵢ), where eᵢ and
/// aᵢ are the shares of the expected (last quarter) and actual (this quarter) counts in bin i. An empty bin counts as a
/// share of <see cref="EmptyShare"/> on both sides, the usual guard against ln 0. Read: below 0.1 stable, 0.1–0.25 a
/// moderate shift, above 0.25 a major one.
/// </summary>
internal static class PopulationStability
{
    /// <summary>The share an empty bin stands for (0.01 %).</summary>
    public const double EmptyShare = 0.0001;

    public const double Moderate = 0.1;

    public const double Major = 0.25;

    public static double Index(IReadOnlyList<long> expected, IReadOnlyList<long> actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        if (expected.Count != actual.Count)
        {
            throw new ArgumentException($"Both distributions need the same bins; expected has {expected.Count}, actual {actual.Count}.", nameof(actual));
        }

        double expectedTotal = expected.Sum(), actualTotal = actual.Sum();
        if (expectedTotal == 0 || actualTotal == 0)
        {
            return 0;
        }

        var index = 0.0;
        for (var i = 0; i < expected.Count; i++)
        {
            var e = Math.Max(expected[i] / expectedTotal, EmptyShare);
            var a = Math.Max(actual[i] / actualTotal, EmptyShare);
            index += (a - e) * Math.Log(a / e);
        }

        return index;
    }

    /// <summary>The words the report uses for an index.</summary>
    public static string Reading(double index) => index switch
    {
        < Moderate => "stable",
        < Major => "moderate shift",
        _ => "major shift",
    };
}
