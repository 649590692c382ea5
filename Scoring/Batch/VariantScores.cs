using BlindSpot.Core.Catalog;

namespace BlindSpot.Scoring.Batch;

/// <summary>One variant's scored population in national-rank order, with reasons for the first <see cref="Candidates"/> rows.</summary>
internal sealed record VariantScores(
    Variant Variant,
    long[] PersonKeys,
    long[] HouseholdKeys,
    string[] Sigungu,
    float[] Scores,
    float[] Raw,
    int[] SigunguRanks,
    IReadOnlyList<Reason>[] Reasons)
{
    public int Rows => PersonKeys.Length;

    public int Candidates => Reasons.Length;
}
