using BlindSpot.Core.Catalog;

namespace BlindSpot.Scoring.Batch;

/// <summary>How the batch scorer picks candidates for reasons and how it uses the machine. Validated before scoring.</summary>
public sealed class ScoreOptions
{
    /// <summary>
    /// Candidates with reasons = quota × margin; default 3, 1–10. The margin covers the people Dispatch passes over:
    /// on the sample it skipped ~0.6 × the household quota (other members of a listed household, benefit recipients,
    /// recent not-eligibles), so 1.5 left the last worklist rows without reasons.
    /// </summary>
    public double Margin { get; set; } = 3;

    /// <summary>Part files scored at once; default every core, 1–64. Each worker reads and scores its own part.</summary>
    public int Workers { get; set; } = Environment.ProcessorCount;

    /// <summary>Rows evaluated together, tree by tree; default 2,048, 64–65,536 (a block's features should fit in L2).</summary>
    public int BlockRows { get; set; } = 2_048;

    public void Validate()
    {
        Check(Margin is >= 1 and <= 10, $"The candidate margin must be 1–10; it is {Margin}.");
        Check(Workers is >= 1 and <= 64, $"Workers must be 1–64; it is {Workers}.");
        Check(BlockRows is >= 64 and <= 65_536, $"BlockRows must be 64–65,536; it is {BlockRows}.");
    }

    /// <summary>How many of <paramref name="eligible"/> people get reasons: ⌈share × eligible × margin⌉, at most everyone.</summary>
    /// <summary>People to give reasons: the variant's national quota (<see cref="NationalQuota"/>, scaled to the roster) × margin, at most the eligible.</summary>
    public int Candidates(Variant variant, long rosterRows, long eligible) =>
        (int)Math.Min(eligible, (long)Math.Ceiling(NationalQuota.For(variant, rosterRows) * Margin));

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
