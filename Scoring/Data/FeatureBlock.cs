namespace BlindSpot.Scoring.Data;

/// <summary>
/// One row group of a part file: keys, region codes, eligibility for every variant (indexed by <c>(int)Variant</c>) and the features as one row-major float matrix
/// (<see cref="Rows"/> × <see cref="Width"/>), which is what a tree walk reads: one row's features side by side.
/// </summary>
internal sealed record FeatureBlock(long[] PersonKeys, long[] HouseholdKeys, string[] SidoCodes, string[] SigunguCodes, bool[][] Eligibility, float[] Features, int Width)
{
    public int Rows => PersonKeys.Length;

    /// <summary>Whether each row belongs to <paramref name="variant"/>'s population.</summary>
    public bool[] Eligible(BlindSpot.Core.Catalog.Variant variant) => Eligibility[(int)variant];

    public ReadOnlySpan<float> Row(int row) => Features.AsSpan(row * Width, Width);
}
