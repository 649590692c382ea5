using BlindSpot.Core.Catalog;
using BlindSpot.Simulation.Randomness;

namespace BlindSpot.Simulation.Deliveries;

/// <summary>
/// Fills a record's columns by role. Values grow with the feed-relevant severity (the lift-weighted mean of the
/// household's severities): arrears run longer, amounts are larger, measures drop harder. Arrears months also grow with
/// how many quarters the crisis has lasted, so a crisis shows as arrears that deepen from quarter to quarter, while the
/// standing arrears of chronic non-payers (filled with no severity) stay shallow and flat.
/// </summary>
internal static class RecordFiller
{
    /// <summary>Deepening per quarter of crisis, counted up to <see cref="DeepeningQuarters"/> quarters.</summary>
    private const double MonthsPerCrisisQuarter = 2.0;
    private const int DeepeningQuarters = 8;

    public static void Fill(ref RandomStream rng, FeedPlan plan, ReadOnlySpan<float> severity, int crisisQuarters, int windowStart, int windowEnd, Span<double> values)
    {
        var relevant = 0.0;
        for (var d = 0; d < severity.Length; d++)
        {
            relevant += plan.Lift[d] * severity[d];
        }

        relevant = plan.LiftSum > 0 ? relevant / plan.LiftSum : 0;
        double months = 0, monthsMin = 1;
        var amountAt = -1;
        for (var i = 1; i < plan.Columns.Count; i++)
        {
            var c = plan.Columns[i];
            switch (c.Role)
            {
                case ColumnRole.EventDate:
                    values[i] = windowStart + rng.NextInt(windowEnd - windowStart + 1);
                    break;
                case ColumnRole.Months:
                    var depth = 4 + (MonthsPerCrisisQuarter * Math.Clamp(crisisQuarters, 1, DeepeningQuarters));
                    values[i] = months = Math.Clamp(c.Min + rng.NextGeometric(1 + (depth * relevant)), c.Min, c.Max);
                    monthsMin = Math.Max(1, c.Min);
                    break;
                case ColumnRole.Count:
                    values[i] = Math.Clamp(c.Min + rng.NextGeometric(0.5 + (3 * relevant)), c.Min, c.Max);
                    break;
                case ColumnRole.Days:
                    values[i] = Math.Round(c.Min + ((c.Max - c.Min) * Math.Pow(rng.NextDouble(), 1.8 - relevant)));
                    break;
                case ColumnRole.Measure:
                    values[i] = Measure(ref rng, c, relevant);
                    break;
                case ColumnRole.Category:
                    values[i] = rng.Pick(c.CumulativeWeights);
                    break;
                case ColumnRole.Amount:
                    amountAt = i;
                    break;
                default:
                    values[i] = c.Min;
                    break;
            }
        }

        if (amountAt > 0)
        {
            var c = plan.Columns[amountAt];
            var scale = months > 0 ? months / monthsMin : 1;
            var amount = plan.AmountMedian * (1 + (1.5 * relevant)) * scale * Math.Exp(0.7 * rng.NextNormal());
            values[amountAt] = Math.Round(Math.Clamp(amount, c.Min, c.Max));
        }
    }

    /// <summary>
    /// Change-type measures (a negative min) drop sharply in a crisis (isolation: electricity use near zero) and
    /// wobble around 0 otherwise; level-type measures are log-normal, higher in a crisis.
    /// </summary>
    private static double Measure(ref RandomStream rng, ColumnPlan c, double relevant)
    {
        double value;
        if (c.Min < 0)
        {
            value = rng.Chance(0.25 + (0.6 * relevant)) ? -(30 + (65 * rng.NextDouble())) : 20 * rng.NextNormal();
        }
        else
        {
            value = c.Min + (40 * (1 + (2 * relevant)) * Math.Exp(0.6 * rng.NextNormal()));
        }

        value = Math.Clamp(value, c.Min, c.Max);
        return c.Type == ColumnType.Double ? Math.Round(value, 1) : Math.Round(value);
    }
}
