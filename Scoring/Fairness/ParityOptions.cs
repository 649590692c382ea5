namespace BlindSpot.Scoring.Fairness;

/// <summary>When a disparity is flagged. Mutable until validated; defaults are Aequitas' (the "80 % rule" both ways).</summary>
public sealed class ParityOptions
{
    /// <summary>Lowest acceptable ratio of a group's rate to the reference group's; default 0.8, (0, 1].</summary>
    public double Low { get; set; } = 0.8;

    /// <summary>Highest acceptable ratio; default 1.25 (= 1 / 0.8), [1, 100].</summary>
    public double High { get; set; } = 1.25;

    /// <summary>
    /// Fewest people behind a rate's denominator (listed for precision and false discovery, in crisis for recall, not
    /// listed for false omission) before it is computed and judged; default 30, 1–1,000,000. Smaller groups are shown
    /// with their counts and no rate, so noise is not flagged as bias.
    /// </summary>
    public int MinimumCount { get; set; } = 30;

    public void Validate()
    {
        if (Low is <= 0 or > 1 || High is < 1 or > 100)
        {
            throw new ArgumentException($"The parity band must be within (0, 1] .. [1, 100]; it is {Low}–{High}.");
        }

        if (MinimumCount is < 1 or > 1_000_000)
        {
            throw new ArgumentException($"The parity minimum count must be 1–1,000,000; it is {MinimumCount}.");
        }
    }
}
