namespace BlindSpot.Features.Writing;

/// <summary>Running min, max, sum and non-zero count of one feature column, for drift monitoring; merged across partitions in a fixed order.</summary>
internal sealed class FeatureStatistics
{
    public double Min { get; private set; } = double.PositiveInfinity;

    public double Max { get; private set; } = double.NegativeInfinity;

    public double Sum { get; private set; }

    public long NonZero { get; private set; }

    public long Rows { get; private set; }

    public void Add(ReadOnlySpan<float> values)
    {
        var min = Min;
        var max = Max;
        double sum = 0;
        long nonZero = 0;
        foreach (var v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
            sum += v;
            nonZero += v != 0f ? 1 : 0;
        }

        Min = min;
        Max = max;
        Sum += sum;
        NonZero += nonZero;
        Rows += values.Length;
    }

    public void Merge(FeatureStatistics other)
    {
        Min = Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
        Sum += other.Sum;
        NonZero += other.NonZero;
        Rows += other.Rows;
    }
}
