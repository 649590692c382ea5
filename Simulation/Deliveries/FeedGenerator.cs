using BlindSpot.Core.Keys;
using BlindSpot.Simulation.Randomness;
using BlindSpot.Simulation.Reporting;
using BlindSpot.Simulation.Roster;

namespace BlindSpot.Simulation.Deliveries;

/// <summary>
/// Writes one feed's delivery for one quarter: each eligible unit gets a record with probability
/// <c>baseRate + Σ lift·severity</c> (capped at 0.95), then repeats with the repeat rate; after each clean record,
/// seeded dirt may add one damaged row. Records and dirt draw from separate streams, so dirt settings never move
/// the clean records. A unit of a chronic non-payer household with no such record may instead get its standing record
/// (<see cref="StandingArrears"/>): the same values every quarter, filled as if there were no crisis. Marks every unit
/// with a clean record in <c>hits</c> for the rule baseline. The correlated noise (<see cref="FeedNoise"/>) takes
/// invisible households out, loses the records of a missed 시군구 or outside a coverage, adds the late records of the
/// previous quarter's missed 시군구, and lets the record chance lag the crisis (<see cref="SimulationOptions.RecordLag"/>).
/// </summary>
internal sealed class FeedGenerator(FeedPlan plan, SimulationWorld world, QuarterSnapshot snapshot, SimulationOptions options)
{
    private const double MaxProbability = 0.95;
    private const int MaxRecordsPerUnit = 20;
    private static readonly byte[] UnknownCode = "ZZZ"u8.ToArray();
    private static readonly byte[] Garbage = "#### RECORD TRUNCATED ####"u8.ToArray();
    private readonly double[] values = new double[plan.Columns.Count];
    private readonly float[] severity = new float[Households.Dimensions];
    private readonly float[] noSeverity = new float[Households.Dimensions];
    private long duplicate, malformed, outOfRange, badCheck, unknownKey, records, eligible, lost, late;

    public FeedReport Write(Stream stream, ulong[] hits)
    {
        var q = QuarterIndex.Of(snapshot.Quarter);
        var rng = RandomStream.For(world.Seed, RandomStreamId.Feed, (ulong)plan.Index, q);
        var dirt = RandomStream.For(world.Seed, RandomStreamId.Dirt, (ulong)plan.Index, q);
        var noise = new FeedNoise(plan, world, options, q);
        var lag = (float)options.RecordLag;
        using var writer = new CsvByteWriter(stream, plan.Format.DelimiterChar);
        writer.Raw(plan.Header);
        var units = plan.IsPerson ? snapshot.Roster : snapshot.HouseholdList;
        foreach (var unit in units)
        {
            var household = plan.IsPerson ? world.People.Household[unit] : unit;
            if (!IsEligible(unit, household))
            {
                continue;
            }

            eligible++;
            if (noise.IsInvisible(household))
            {
                continue;
            }

            var sigungu = world.Households.Sigungu[household];
            var age = plan.IsPerson ? snapshot.Age[unit] : snapshot.MaxAge[household];
            var unitKey = StandingArrears.UnitKey(plan, unit);
            if (noise.ArrivesLate(sigungu))
            {
                WriteLate(writer, unit, household, unitKey, q, noise, hits, ref rng, ref dirt);
            }

            var p = Chance(household, lag);
            if (rng.NextDouble() >= Math.Min(p, MaxProbability))
            {
                if (HasStandingRecord(unit, household, q) && !noise.Lost(unitKey, sigungu, age, q))
                {
                    hits[unit >> 6] |= 1UL << (unit & 63);
                    var standing = StandingArrears.Values(world.Seed, plan, unit);
                    RecordFiller.Fill(ref standing, plan, noSeverity, 0, plan.WindowStart(snapshot.Quarter), snapshot.Quarter.LastDay.DayNumber, values);
                    WriteRow(writer, unit, RowMutation.None, ref dirt);
                    records++;
                    AddDirt(writer, unit, ref dirt);
                }

                continue;
            }

            if (noise.Lost(unitKey, sigungu, age, q))
            {
                lost++;
                continue;
            }

            hits[unit >> 6] |= 1UL << (unit & 63);
            var count = 0;
            do
            {
                RecordFiller.Fill(ref rng, plan, severity, world.Households.CrisisQuarters[household], plan.WindowStart(snapshot.Quarter), snapshot.Quarter.LastDay.DayNumber, values);
                WriteRow(writer, unit, RowMutation.None, ref dirt);
                records++;
                AddDirt(writer, unit, ref dirt);
            }
            while (++count < MaxRecordsPerUnit && rng.Chance(plan.RepeatRate));
        }

        var dirtCounts = new DirtCounts(duplicate, malformed, outOfRange, badCheck, unknownKey);
        return new FeedReport(plan.Feed.Code, plan.Feed.Source, eligible, records, records + dirtCounts.Total, dirtCounts) { Lost = lost, Late = late };
    }

    /// <summary>
    /// The record chance <c>baseRate + Σ lift·severity</c>, the severity lagging the crisis by <paramref name="lag"/>:
    /// (1 − lag)·this quarter's + lag·the last quarter's. Leaves the blended severities in <see cref="severity"/>.
    /// </summary>
    private double Chance(int household, float lag)
    {
        var p = plan.BaseRate;
        for (var d = 0; d < severity.Length; d++)
        {
            severity[d] = ((1 - lag) * world.Households.Severity[d][household]) + (lag * world.Households.PreviousSeverity[d][household]);
            p += plan.Lift[d] * severity[d];
        }

        // The catalog's rates are calibrated to what institutions deliver; the 시도 coverage (mean 1 − spread/2) loses
        // part of what they hold, so the chance of holding a record is raised to match on average.
        return p / (1 - (options.SidoCoverageSpread / 2));
    }

    /// <summary>
    /// A record of the previous quarter that the institution missed and delivers now: drawn with the previous quarter's
    /// chance, dated as early in this quarter's window as the quarter it belongs to allows.
    /// </summary>
    private void WriteLate(CsvByteWriter writer, int unit, int household, ulong unitKey, long q, FeedNoise noise, ulong[] hits, ref RandomStream rng, ref RandomStream dirt)
    {
        var p = plan.BaseRate;
        for (var d = 0; d < severity.Length; d++)
        {
            severity[d] = world.Households.PreviousSeverity[d][household];
            p += plan.Lift[d] * severity[d];
        }

        if (!noise.HadLateRecord(unitKey, q, Math.Min(p, MaxProbability)))
        {
            return;
        }

        // Dated as late as the quarter it belongs to allows while staying inside this quarter's window (ingestion refuses
        // older dates): in the previous quarter for long windows, in the first two weeks for the 3-month ones.
        var start = plan.WindowStart(snapshot.Quarter);
        var end = Math.Max(snapshot.Quarter.AddQuarters(-1).LastDay.DayNumber, start + 14);
        hits[unit >> 6] |= 1UL << (unit & 63);
        RecordFiller.Fill(ref rng, plan, severity, world.Households.CrisisQuarters[household], start, end, values);
        WriteRow(writer, unit, RowMutation.None, ref dirt);
        records++;
        late++;
        AddDirt(writer, unit, ref dirt);
    }

    private bool HasStandingRecord(int unit, int household, long quarter) =>
        plan.ChronicRate > 0
        && StandingArrears.IsChronic(world.Seed, household)
        && StandingArrears.Holds(world.Seed, plan, unit)
        && StandingArrears.Delivered(world.Seed, plan, unit, quarter);

    private bool IsEligible(int unit, int household)
    {
        if (plan.Filter != HouseholdFlags.None && !snapshot.Has(household, plan.Filter))
        {
            return false;
        }

        return !plan.IsPerson || (snapshot.Age[unit] >= plan.MinAge && snapshot.Age[unit] <= plan.MaxAge);
    }

    private void AddDirt(CsvByteWriter writer, int unit, ref RandomStream dirt)
    {
        var u = dirt.NextDouble();
        if ((u -= options.DuplicateRate) < 0)
        {
            writer.RepeatLastRow();
            duplicate++;
        }
        else if ((u -= options.MalformedRate) < 0)
        {
            Malform(writer, ref dirt);
            malformed++;
        }
        else if ((u -= options.OutOfRangeRate) < 0)
        {
            WriteRow(writer, unit, RowMutation.OutOfRange, ref dirt);
            outOfRange++;
        }
        else if (plan.IsPerson && (u -= options.BadCheckDigitRate) < 0)
        {
            WriteRow(writer, unit, RowMutation.BadCheckDigit, ref dirt);
            badCheck++;
        }
        else if ((u -= options.UnknownKeyRate) < 0)
        {
            WriteRow(writer, unit, RowMutation.UnknownKey, ref dirt);
            unknownKey++;
        }
    }

    private static void Malform(CsvByteWriter writer, ref RandomStream dirt)
    {
        switch (dirt.NextInt(3))
        {
            case 0:
                writer.RepeatLastRowShort();
                break;
            case 1:
                writer.RepeatLastRowLong("X"u8);
                break;
            default:
                writer.BeginRow();
                writer.Plain(Garbage);
                writer.EndRow();
                break;
        }
    }

    private void WriteRow(CsvByteWriter writer, int unit, RowMutation mutation, ref RandomStream dirt)
    {
        writer.BeginRow();
        WriteKey(writer, unit, mutation, ref dirt);
        var damaged = mutation == RowMutation.OutOfRange ? (plan.OutOfRangeColumn > 0 ? plan.OutOfRangeColumn : plan.CategoryColumn) : -1;
        for (var i = 1; i < plan.Columns.Count; i++)
        {
            var c = plan.Columns[i];
            var value = values[i];
            if (i == damaged && c.IsNumeric)
            {
                value = c.Max + 1 + Math.Round(Math.Max(1, c.Max) * 0.5 * dirt.NextDouble());
            }

            switch (c.Type)
            {
                case Core.Catalog.ColumnType.Date:
                    // A feed with no number and no code gets its out-of-range dirt as a date ten years out of window.
                    writer.Date((int)value - (mutation == RowMutation.OutOfRange && damaged < 0 ? 3650 : 0), plan.DateStyle);
                    break;
                case Core.Catalog.ColumnType.Double:
                    writer.Decimal(value);
                    break;
                case Core.Catalog.ColumnType.Code:
                    writer.Plain(i == damaged ? UnknownCode : c.Codes[(int)value]);
                    break;
                case Core.Catalog.ColumnType.Int or Core.Catalog.ColumnType.Long:
                    writer.Integer((long)value);
                    break;
                default:
                    writer.Empty();
                    break;
            }
        }

        writer.EndRow();
    }

    private void WriteKey(CsvByteWriter writer, int unit, RowMutation mutation, ref RandomStream dirt)
    {
        Span<byte> key = stackalloc byte[ResidentNumber.Length];
        if (!plan.IsPerson)
        {
            var h = world.Households;
            var counter = mutation == RowMutation.UnknownKey ? 900_000 + dirt.NextInt(100_000) : h.Counter[unit];
            KeyBytes.WriteHouseholdNumber(key, world.Regions.CodeBytes[h.Sigungu[unit]], counter);
            writer.Plain(key[..KeyBytes.HouseholdLength]);
            return;
        }

        var p = world.People;
        var serial = mutation == RowMutation.UnknownKey ? ResidentSerials.FirstUnknownSerial + dirt.NextInt(10_000) : p.Serial[unit];
        KeyBytes.WriteResidentNumber(key, p.BirthDay[unit], p.IsMale(unit), serial);
        if (mutation == RowMutation.BadCheckDigit)
        {
            key[^1] = (byte)('0' + ((key[^1] - '0' + 1 + dirt.NextInt(9)) % 10));
        }

        writer.Plain(key);
    }
}
