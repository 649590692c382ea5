using System.Numerics;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Memory;

namespace BlindSpot.Features.Aggregation;

/// <summary>
/// Dense per-unit running aggregates for one feed at a time (count, latest date, months, amounts, days, counts, measures).
/// One per worker thread, reused feed after feed: arrays are allocated on first need and cleared only where touched.
/// </summary>
/// <remarks>
/// A unit's aggregates sit together in one <see cref="UnitAggregate"/> (40 bytes): lake rows arrive in key order, which
/// is random in roster order, so each row costs a cache miss or two instead of one per aggregate (ten, when they were
/// separate arrays). Touched units are marked in a bitmap (1.1 MB at 9 million) that <see cref="Drain"/> scans.
/// </remarks>
internal sealed class FeedAccumulator(int capacity)
{
    private UnitAggregate[] aggregates = [];
    private ulong[] touched = [];
    private long[] scratchKeys = [];
    private int[] scratchUnits = [];
    private int[] scratchDays = [];
    private float[][] scratchRoles = [];
    private UnitAggregate[] gathered = [];

    /// <summary>
    /// Reusable buffers for one lake row group of <paramref name="rows"/> rows: keys, their units, event days and the five
    /// role columns. Kept per worker so the million-row buffers are allocated once, not once per row group of every feed.
    /// </summary>
    public (long[] Keys, int[] Units, int[] Days, float[][] Roles) Scratch(int rows)
    {
        if (scratchKeys.Length < rows)
        {
            scratchKeys = new long[rows];
            scratchUnits = new int[rows];
            scratchDays = new int[rows];
            scratchRoles = [.. Enumerable.Range(0, 5).Select(_ => new float[rows])];
        }

        return (scratchKeys, scratchUnits, scratchDays, scratchRoles);
    }

    /// <summary>Call before the first <see cref="AddRows"/> of a feed.</summary>
    public void Begin() => EnsureAllocated();

    /// <summary>
    /// Adds one row group's rows: <paramref name="units"/>[i] is row i's unit (−1 for a key not on the roster, counted and
    /// skipped), <paramref name="days"/> and <paramref name="roles"/> its values. Returns how many keys were unknown.
    /// Units come in key order, random in roster order, so the aggregate a few rows ahead is prefetched.
    /// </summary>
    public long AddRows(ReadOnlySpan<int> units, int[] days, float[][] roles)
    {
        const int PrefetchDistance = 12;
        long unknown = 0;
        for (var i = 0; i < units.Length; i++)
        {
            if (i + PrefetchDistance < units.Length)
            {
                CachePrefetch.Element(aggregates, units[i + PrefetchDistance]);
            }

            var unit = units[i];
            if (unit < 0)
            {
                unknown++;
                continue;
            }

            Add(unit, new LakeRecord(days[i], roles[0][i], roles[1][i], roles[2][i], roles[3][i], roles[4][i]));
        }

        return unknown;
    }

    private void Add(int unit, in LakeRecord record)
    {
        ref var a = ref aggregates[unit];
        var first = a.Count == 0;
        if (first)
        {
            touched[unit >> 6] |= 1UL << unit;
        }

        a.Count++;
        var later = first || record.Day > a.LatestDay || (record.Day == a.LatestDay && record.Months > a.LatestMonths);
        if (later)
        {
            a.LatestDay = record.Day;
            a.LatestMonths = record.Months;
        }

        a.MaxMonths = first ? record.Months : Math.Max(a.MaxMonths, record.Months);
        a.MaxAmount = first ? record.Amount : Math.Max(a.MaxAmount, record.Amount);
        a.SumAmount += record.Amount;
        a.MaxDays = first ? record.Days : Math.Max(a.MaxDays, record.Days);
        a.MaxCount = first ? record.Count : Math.Max(a.MaxCount, record.Count);
        a.SumMeasure += record.Measure;
        a.MinMeasure = first ? record.Measure : Math.Min(a.MinMeasure, record.Measure);
    }

    /// <summary>
    /// Folds the touched units into a sparse <see cref="FeedAggregate"/> and clears them for the next feed. The touched
    /// aggregates are first gathered into a dense run (clearing each as it is read), so every rule is then one tight
    /// loop over it with the rule chosen once, not a switch per unit and rule over scattered memory.
    /// </summary>
    public FeedAggregate Drain(FeedDefinition feed, int units, int asOfDay, long rows, long unknownKeys, FoldScope scope)
    {
        EnsureAllocated();
        // Counted first so the unit list is allocated once at its size: a growing touchedUnits left a trail of large arrays
        // per feed for the full collector.
        var words = (units + 63) >> 6;
        var count = 0;
        for (var w = 0; w < words; w++)
        {
            count += BitOperations.PopCount(touched[w]);
        }

        var touchedUnits = new int[count];
        if (gathered.Length < count)
        {
            gathered = new UnitAggregate[Math.Max(count, gathered.Length * 2)];
        }

        var next = 0;
        for (var w = 0; w < words; w++)
        {
            for (var bits = touched[w]; bits != 0; bits &= bits - 1)
            {
                var u = (w << 6) + BitOperations.TrailingZeroCount(bits);
                touchedUnits[next] = u;
                gathered[next++] = aggregates[u];
                aggregates[u] = default;
            }

            touched[w] = 0;
        }

        var run = gathered.AsSpan(0, count);
        var allRules = scope == FoldScope.AllRules;
        var ruleValues = new float[allRules ? feed.Features.Count : 0][];
        for (var r = 0; r < ruleValues.Length; r++)
        {
            ruleValues[r] = RuleColumn(run, feed.Features[r], asOfDay);
        }

        var measured = feed.ColumnWithRole(ColumnRole.Measure) is not null;
        return new FeedAggregate
        {
            RecordCount = measured ? CountColumn(run) : null,
            MeasureSum = measured ? Column(run, static a => a.SumMeasure) : null,
            MeasureMin = measured ? Column(run, static a => a.MinMeasure) : null,
            Feed = feed,
            Units = touchedUnits,
            RuleValues = ruleValues,
            MaxMonths = feed.ColumnWithRole(ColumnRole.Months) is null ? null : RuleColumn(run, FeatureRule.MaxMonths, asOfDay),
            SumAmount = allRules && feed.ColumnWithRole(ColumnRole.Amount) is not null ? SumAmountColumn(run) : null,
            Rows = rows,
            UnknownKeys = unknownKeys,
        };
    }

    private static float[] RuleColumn(ReadOnlySpan<UnitAggregate> run, FeatureRule rule, int asOfDay)
    {
        var values = new float[run.Length];
        switch (rule)
        {
            case FeatureRule.Presence:
                values.AsSpan().Fill(1f);
                break;
            case FeatureRule.MaxMonths:
                for (var k = 0; k < run.Length; k++)
                {
                    values[k] = run[k].MaxMonths;
                }

                break;
            default:
                for (var k = 0; k < run.Length; k++)
                {
                    values[k] = Value(rule, in run[k], asOfDay);
                }

                break;
        }

        return values;
    }

    private static int[] CountColumn(ReadOnlySpan<UnitAggregate> run)
    {
        var values = new int[run.Length];
        for (var k = 0; k < run.Length; k++)
        {
            values[k] = run[k].Count;
        }

        return values;
    }

    private static float[] Column(ReadOnlySpan<UnitAggregate> run, Func<UnitAggregate, float> value)
    {
        var values = new float[run.Length];
        for (var k = 0; k < run.Length; k++)
        {
            values[k] = value(run[k]);
        }

        return values;
    }

    /// <summary>The plain sum of amounts, which household arrears add up (the rules give it log-scaled).</summary>
    private static float[] SumAmountColumn(ReadOnlySpan<UnitAggregate> run)
    {
        var values = new float[run.Length];
        for (var k = 0; k < run.Length; k++)
        {
            values[k] = run[k].SumAmount;
        }

        return values;
    }

    private static float Value(FeatureRule rule, in UnitAggregate a, int asOfDay) => rule switch
    {
        FeatureRule.Presence => 1f,
        FeatureRule.Count => a.Count,
        FeatureRule.MaxMonths => a.MaxMonths,
        FeatureRule.LatestMonths => a.LatestMonths,
        FeatureRule.LogAmount => MathF.Log(1f + Math.Max(0f, a.MaxAmount)),
        FeatureRule.SumLogAmount => MathF.Log(1f + Math.Max(0f, a.SumAmount)),
        FeatureRule.MonthsSinceLatest => Math.Max(0f, (asOfDay - a.LatestDay) / 30.436875f),
        FeatureRule.MaxDays => a.MaxDays,
        FeatureRule.MaxCount => a.MaxCount,
        FeatureRule.MeanMeasure => a.SumMeasure / a.Count,
        FeatureRule.MinMeasure => a.MinMeasure,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown feature rule."),
    };

    private void EnsureAllocated()
    {
        if (aggregates.Length == capacity)
        {
            return;
        }

        aggregates = new UnitAggregate[capacity];
        touched = new ulong[(capacity + 63) >> 6];
    }
}
