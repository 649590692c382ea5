using BlindSpot.Core.Catalog;

namespace BlindSpot.Features.Aggregation;

/// <summary>
/// Dense per-unit running aggregates for one feed at a time (count, latest date, months, amounts, days, counts, measures).
/// One per worker thread, reused feed after feed: arrays are allocated on first need and cleared only where touched.
/// </summary>
internal sealed class FeedAccumulator(int capacity)
{
    private int[] count = [];
    private int[] latestDay = [];
    private float[] latestMonths = [];
    private float[] maxMonths = [];
    private float[] maxAmount = [];
    private float[] sumAmount = [];
    private float[] maxDays = [];
    private float[] maxCount = [];
    private float[] sumMeasure = [];
    private float[] minMeasure = [];

    /// <summary>Call before the first <see cref="Add"/> of a feed.</summary>
    public void Begin() => EnsureAllocated();

    public void Add(int unit, in LakeRecord record)
    {
        var first = count[unit] == 0;
        count[unit]++;
        var later = first || record.Day > latestDay[unit] || (record.Day == latestDay[unit] && record.Months > latestMonths[unit]);
        if (later)
        {
            latestDay[unit] = record.Day;
            latestMonths[unit] = record.Months;
        }

        maxMonths[unit] = first ? record.Months : Math.Max(maxMonths[unit], record.Months);
        maxAmount[unit] = first ? record.Amount : Math.Max(maxAmount[unit], record.Amount);
        sumAmount[unit] += record.Amount;
        maxDays[unit] = first ? record.Days : Math.Max(maxDays[unit], record.Days);
        maxCount[unit] = first ? record.Count : Math.Max(maxCount[unit], record.Count);
        sumMeasure[unit] += record.Measure;
        minMeasure[unit] = first ? record.Measure : Math.Min(minMeasure[unit], record.Measure);
    }

    /// <summary>Folds the touched units into a sparse <see cref="FeedAggregate"/> and clears them for the next feed.</summary>
    public FeedAggregate Drain(FeedDefinition feed, int units, int asOfDay, long rows, long unknownKeys)
    {
        EnsureAllocated();
        var touched = new List<int>();
        var span = count.AsSpan(0, units);
        for (var i = span.IndexOfAnyExcept(0); i >= 0;)
        {
            touched.Add(i);
            var next = span[(i + 1)..].IndexOfAnyExcept(0);
            i = next < 0 ? -1 : i + 1 + next;
        }

        var rules = feed.Features;
        var values = rules.Select(_ => new float[touched.Count]).ToArray();
        var hasMonths = feed.ColumnWithRole(ColumnRole.Months) is not null;
        var hasAmount = feed.ColumnWithRole(ColumnRole.Amount) is not null;
        var maxMonthsOut = hasMonths ? new float[touched.Count] : null;
        var sumAmountOut = hasAmount ? new float[touched.Count] : null;
        for (var k = 0; k < touched.Count; k++)
        {
            var u = touched[k];
            for (var r = 0; r < rules.Count; r++)
            {
                values[r][k] = Value(rules[r], u, asOfDay);
            }

            maxMonthsOut?[k] = maxMonths[u];
            sumAmountOut?[k] = sumAmount[u];
            Clear(u);
        }

        return new FeedAggregate
        {
            Feed = feed,
            Units = [.. touched],
            RuleValues = values,
            MaxMonths = maxMonthsOut,
            SumAmount = sumAmountOut,
            Rows = rows,
            UnknownKeys = unknownKeys,
        };
    }

    private float Value(FeatureRule rule, int u, int asOfDay) => rule switch
    {
        FeatureRule.Presence => 1f,
        FeatureRule.Count => count[u],
        FeatureRule.MaxMonths => maxMonths[u],
        FeatureRule.LatestMonths => latestMonths[u],
        FeatureRule.LogAmount => MathF.Log(1f + Math.Max(0f, maxAmount[u])),
        FeatureRule.SumLogAmount => MathF.Log(1f + Math.Max(0f, sumAmount[u])),
        FeatureRule.MonthsSinceLatest => Math.Max(0f, (asOfDay - latestDay[u]) / 30.436875f),
        FeatureRule.MaxDays => maxDays[u],
        FeatureRule.MaxCount => maxCount[u],
        FeatureRule.MeanMeasure => sumMeasure[u] / count[u],
        FeatureRule.MinMeasure => minMeasure[u],
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown feature rule."),
    };

    private void Clear(int u)
    {
        count[u] = 0;
        latestDay[u] = 0;
        latestMonths[u] = 0;
        maxMonths[u] = 0;
        maxAmount[u] = 0;
        sumAmount[u] = 0;
        maxDays[u] = 0;
        maxCount[u] = 0;
        sumMeasure[u] = 0;
        minMeasure[u] = 0;
    }

    private void EnsureAllocated()
    {
        if (count.Length == capacity)
        {
            return;
        }

        count = new int[capacity];
        latestDay = new int[capacity];
        latestMonths = new float[capacity];
        maxMonths = new float[capacity];
        maxAmount = new float[capacity];
        sumAmount = new float[capacity];
        maxDays = new float[capacity];
        maxCount = new float[capacity];
        sumMeasure = new float[capacity];
        minMeasure = new float[capacity];
    }
}
