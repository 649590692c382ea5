using BlindSpot.Core.Catalog;

namespace BlindSpot.Scoring.Batch;

/// <summary>How the batch scorer picks candidates for reasons and how it uses the machine. Validated before scoring.</summary>
internal sealed class ScoreOptions
{
    /// <summary>Candidates with reasons = quota × margin; default 1.5, 1–10. The margin covers people Dispatch drops.</summary>
    public double Margin { get; set; } = 1.5;

    /// <summary>Quota share of eligible people per variant; defaults from <see cref="Quotas"/>, each in (0, 1).</summary>
    public Dictionary<Variant, double> QuotaShares { get; } = VariantNames.All.ToDictionary(v => v, Quotas.DefaultShare);

    /// <summary>Part files scored at once; default every core, 1–64. Each worker reads and scores its own part.</summary>
    public int Workers { get; set; } = Environment.ProcessorCount;

    /// <summary>Rows evaluated together, tree by tree; default 2,048, 64–65,536 (a block's features should fit in L2).</summary>
    public int BlockRows { get; set; } = 2_048;

    public void Validate()
    {
        Check(Margin is >= 1 and <= 10, $"The candidate margin must be 1–10; it is {Margin}.");
        Check(QuotaShares.Values.All(s => s is > 0 and < 1), "Every quota share must be in (0, 1).");
        Check(Workers is >= 1 and <= 64, $"Workers must be 1–64; it is {Workers}.");
        Check(BlockRows is >= 64 and <= 65_536, $"BlockRows must be 64–65,536; it is {BlockRows}.");
    }

    /// <summary>How many of <paramref name="eligible"/> people get reasons: ⌈share × eligible × margin⌉, at most everyone.</summary>
    public int Candidates(Variant variant, long eligible) => (int)Math.Min(eligible, (long)Math.Ceiling(QuotaShares[variant] * eligible * Margin));

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
