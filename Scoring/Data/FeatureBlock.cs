namespace BlindSpot.Scoring.Data;

/// <summary>
/// One row group of a part file: keys, region codes, eligibility and the features as one row-major float matrix
/// (<see cref="Rows"/> × <see cref="Width"/>), which is what a tree walk reads: one row's features side by side.
/// </summary>
internal sealed record FeatureBlock(long[] PersonKeys, long[] HouseholdKeys, string[] SidoCodes, string[] SigunguCodes, bool[] Eligible, float[] Features, int Width)
{
    public int Rows => PersonKeys.Length;

    public ReadOnlySpan<float> Row(int row) => Features.AsSpan(row * Width, Width);
}
