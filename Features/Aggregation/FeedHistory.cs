using System.Numerics;
using BlindSpot.Core.Catalog;

namespace BlindSpot.Features.Aggregation;

/// <summary>
/// One feed over the history window: every unit with a record in this quarter or an earlier one of the window, in
/// ascending dense index order, with a bit per quarter (bit 0 = this quarter, bit k = k quarters back) and the window's
/// largest arrears months and measures. Built from this quarter's <see cref="FeedAggregate"/> and merged with each earlier
/// quarter's, which are mapped onto this quarter's roster (people no longer on it are not carried).
/// </summary>
internal sealed class FeedHistory
{
    private FeedHistory(FeedDefinition feed, int[] units, byte[] mask, float[]? maxMonths, float[]? measureSum, float[]? measureMin)
    {
        Feed = feed;
        Units = units;
        Mask = mask;
        MaxMonths = maxMonths;
        MeasureSum = measureSum;
        MeasureMin = measureMin;
    }

    public FeedDefinition Feed { get; }

    public int[] Units { get; private set; }

    /// <summary>Bit k set when the unit had a record k quarters before this one (k = 0 … 3).</summary>
    public byte[] Mask { get; private set; }

    /// <summary>Largest arrears months over the window, or null when the feed has no months column.</summary>
    public float[]? MaxMonths { get; private set; }

    /// <summary>Sum of the measured values over the window, or null when the feed has no measure column.</summary>
    public float[]? MeasureSum { get; private set; }

    /// <summary>Smallest measured value over the window, or null when the feed has no measure column.</summary>
    public float[]? MeasureMin { get; private set; }

    public static FeedHistory Start(FeedAggregate current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var n = current.Units.Length;
        var months = current.Feed.ColumnWithRole(ColumnRole.Months) is null ? null : current.MaxMonths ?? new float[n];
        var measured = current.Feed.ColumnWithRole(ColumnRole.Measure) is not null;
        var mask = new byte[n];
        mask.AsSpan().Fill(1);
        return new FeedHistory(current.Feed, [.. current.Units], mask, months is null ? null : [.. months],
            measured ? [.. current.MeasureSum ?? new float[n]] : null, measured ? [.. current.MeasureMin ?? new float[n]] : null);
    }

    /// <summary>Adds the quarter <paramref name="back"/> (1–7) quarters before this one: a sorted merge of the two unit lists.</summary>
    public void Merge(FeedAggregate earlier, int back)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentOutOfRangeException.ThrowIfLessThan(back, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(back, 7);
        var bit = (byte)(1 << back);
        var total = Units.Length + earlier.Units.Length - Overlap(Units, earlier.Units);
        var units = new int[total];
        var mask = new byte[total];
        var months = MaxMonths is null ? null : new float[total];
        var sum = MeasureSum is null ? null : new float[total];
        var min = MeasureMin is null ? null : new float[total];
        int i = 0, j = 0;
        for (var o = 0; o < total; o++)
        {
            var a = i < Units.Length ? Units[i] : int.MaxValue;
            var b = j < earlier.Units.Length ? earlier.Units[j] : int.MaxValue;
            var fromHere = a <= b;
            var fromEarlier = b <= a;
            units[o] = Math.Min(a, b);
            mask[o] = (byte)((fromHere ? Mask[i] : 0) | (fromEarlier ? bit : 0));
            if (months is not null)
            {
                months[o] = Math.Max(fromHere ? MaxMonths![i] : 0f, fromEarlier && earlier.MaxMonths is { } m ? m[j] : 0f);
            }

            if (sum is not null && min is not null)
            {
                var earlierMeasured = fromEarlier && earlier.MeasureSum is not null;
                sum[o] = (fromHere ? MeasureSum![i] : 0f) + (earlierMeasured ? earlier.MeasureSum![j] : 0f);
                min[o] = fromHere && earlierMeasured ? Math.Min(MeasureMin![i], earlier.MeasureMin![j])
                    : fromHere ? MeasureMin![i]
                    : earlierMeasured ? earlier.MeasureMin![j] : 0f;
            }

            i += fromHere ? 1 : 0;
            j += fromEarlier ? 1 : 0;
        }

        (Units, Mask, MaxMonths, MeasureSum, MeasureMin) = (units, mask, months, sum, min);
    }

    /// <summary>First position in <see cref="Units"/> whose unit is ≥ <paramref name="unit"/>.</summary>
    public int LowerBound(int unit)
    {
        var position = Array.BinarySearch(Units, unit);
        return position >= 0 ? position : ~position;
    }

    /// <summary>Quarters of the last four with a record.</summary>
    public static int QuartersIn4(byte mask) => BitOperations.PopCount((uint)(mask & 0b1111));

    /// <summary>Records among the last two quarters minus among the two before.</summary>
    public static int Trend(byte mask) => BitOperations.PopCount((uint)(mask & 0b0011)) - BitOperations.PopCount((uint)(mask & 0b1100));

    /// <summary>Quarters in a row with a record, ending this quarter.</summary>
    public static int Streak(byte mask) => Math.Min(4, BitOperations.TrailingZeroCount(~(uint)mask));

    private static int Overlap(int[] a, int[] b)
    {
        int i = 0, j = 0, same = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                same++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return same;
    }
}
