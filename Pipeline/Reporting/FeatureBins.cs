namespace BlindSpot.Pipeline.Reporting;

/// <summary>
/// The bins a feature's values are counted in for drift, fixed by last quarter's range: bin 0 holds exact zeros (most
/// features are zero for most people, so zero gets a bin of its own), bins 1..<see cref="Width"/> split
/// [<see cref="Min"/>, <see cref="Max"/>] evenly, values outside the range fall into the end bins, and the last bin holds
/// NaN. Immutable.
/// </summary>
internal sealed record FeatureBins(double Min, double Max, int Width = 10)
{
    /// <summary>Bins in all: zero, the range, NaN.</summary>
    public int Count => Width + 2;

    public int Of(float value)
    {
        if (value == 0)
        {
            return 0;
        }

        if (float.IsNaN(value))
        {
            return Width + 1;
        }

        if (Max <= Min)
        {
            return 1;
        }

        var bin = (int)Math.Floor((value - Min) / (Max - Min) * Width);
        return 1 + Math.Clamp(bin, 0, Width - 1);
    }
}
