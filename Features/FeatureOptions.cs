namespace BlindSpot.Features;

/// <summary>Settings of the features stage; validated by <see cref="Validate"/> before a build starts.</summary>
public sealed class FeatureOptions
{
    /// <summary>Youngest age counted as an adult for the household variant. Default 18; 14–25.</summary>
    public int AdultMinAge { get; set; } = 18;

    /// <summary>Oldest age of the child variant. Default 17 (children under 18); 0–20.</summary>
    public int ChildMaxAge { get; set; } = 17;

    /// <summary>Youngest age of the lonely-death variant (one-person households). Default 40, as the 고독사 system screens middle age and up; 18–90.</summary>
    public int LonelyDeathMinAge { get; set; } = 40;

    /// <summary>Age from which a member counts as an elder. Default 65.</summary>
    public int ElderMinAge { get; set; } = 65;

    /// <summary>Rows per Parquet row group. Default 1,000,000; 10,000–4,000,000: readers stream one group at a time.</summary>
    public int RowGroupSize { get; set; } = 1_000_000;

    /// <summary>Feeds read and partitions written at once. Default: the processor count; 1–64.</summary>
    public int Workers { get; set; } = Environment.ProcessorCount;

    public void Validate()
    {
        Check(AdultMinAge is >= 14 and <= 25, $"AdultMinAge must be 14–25; it is {AdultMinAge}.");
        Check(ChildMaxAge is >= 0 and <= 20, $"ChildMaxAge must be 0–20; it is {ChildMaxAge}.");
        Check(LonelyDeathMinAge is >= 18 and <= 90, $"LonelyDeathMinAge must be 18–90; it is {LonelyDeathMinAge}.");
        Check(ElderMinAge is >= 50 and <= 90, $"ElderMinAge must be 50–90; it is {ElderMinAge}.");
        Check(RowGroupSize is >= 10_000 and <= 4_000_000, $"RowGroupSize must be 10,000–4,000,000; it is {RowGroupSize}.");
        Check(Workers is >= 1 and <= 64, $"Workers must be 1–64; it is {Workers}.");
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"Invalid feature options: {message}");
        }
    }
}
