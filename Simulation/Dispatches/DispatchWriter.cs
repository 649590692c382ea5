using System.Text;
using BlindSpot.Core.Catalog;
using BlindSpot.Simulation.Deliveries;
using BlindSpot.Simulation.Randomness;
using BlindSpot.Simulation.Reporting;
using BlindSpot.Simulation.Roster;
using BlindSpot.Simulation.Truth;

namespace BlindSpot.Simulation.Dispatches;

/// <summary>
/// Writes a past quarter's <c>outcomes/&lt;Q&gt;/dispatches.csv</c> and <c>outcomes.csv</c> (UTF-8 with BOM, comma,
/// dates yyyy-MM-dd). Outcome dates fall 1 to 60 days after the quarter, when municipalities report back. A supported
/// household gets the relief of its kind of support, scaled by <paramref name="interventionEffect"/>, which lowers its
/// severities from the next quarter on (<see cref="Crisis.LatentCrisisModel"/>).
/// </summary>
internal sealed class DispatchWriter(SimulationWorld world, QuarterSnapshot snapshot, TruthTable truth, double interventionEffect)
{
    private static readonly DeliveryFormat Format = new() { Encoding = FeedEncoding.Utf8Bom, Delimiter = ",", DateFormat = "yyyy-MM-dd", HeaderLanguage = HeaderLanguage.En };
    private static readonly DateStyle Dates = DateStyle.Parse(Format.DateFormat);

    /// <summary>Columns of dispatches.csv.</summary>
    public static IReadOnlyList<string> DispatchColumns { get; } = ["quarter", "variant", "resident_no", "household_no", "sigungu_code", "selected_by", "rule_score"];

    /// <summary>Columns of outcomes.csv.</summary>
    public static IReadOnlyList<string> OutcomeColumns { get; } = ["quarter", "variant", "resident_no", "sigungu_code", "outcome", "outcome_date"];

    public IReadOnlyList<DispatchReport> Write(Stream dispatches, Stream outcomes, IReadOnlyList<(Variant Variant, IReadOnlyList<DispatchEntry> Entries, int Eligible)> lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        using var d = new CsvByteWriter(dispatches, ',');
        using var o = new CsvByteWriter(outcomes, ',');
        d.Raw(DeliveryFile.Header(DispatchColumns, Format));
        o.Raw(DeliveryFile.Header(OutcomeColumns, Format));
        var quarter = Encoding.ASCII.GetBytes(snapshot.Quarter.ToString());
        var q = QuarterIndex.Of(snapshot.Quarter);
        var reports = new List<DispatchReport>();
        Span<byte> key = stackalloc byte[16];
        Span<float> severity = stackalloc float[Households.Dimensions];
        foreach (var (variant, entries, eligible) in lists)
        {
            var code = Encoding.ASCII.GetBytes(variant.ToCode());
            var counts = new long[OutcomeModel.All.Count];
            long inCrisis = 0;
            var labels = new long[4];
            foreach (var entry in entries)
            {
                var id = entry.Person;
                var h = world.People.Household[id];
                var sigungu = world.Regions.CodeBytes[world.Households.Sigungu[h]];
                d.BeginRow();
                d.Plain(quarter);
                d.Plain(code);
                world.WriteResidentNumber(key, id);
                d.Plain(key[..14]);
                o.BeginRow();
                o.Plain(quarter);
                o.Plain(code);
                o.Plain(key[..14]);
                world.WriteHouseholdNumber(key, h);
                d.Plain(key[..KeyBytes.HouseholdLength]);
                d.Plain(sigungu);
                d.Plain(entry.ByAudit ? "audit"u8 : "rule"u8);
                d.Integer(entry.Score);
                d.EndRow();

                var positive = truth.Flags[VariantIndex(variant)][id];
                inCrisis += positive ? 1 : 0;
                var rng = RandomStream.For(world.Seed, RandomStreamId.Outcomes, OutcomeModel.Entity(variant, id), q);
                world.SeverityOf(h, severity);
                var outcome = OutcomeModel.Decide(ref rng, variant, severity, snapshot.Has(h, HouseholdFlags.Benefit));
                counts[(int)outcome]++;
                Tally(labels, positive, outcome);
                Support(h, outcome, q);
                o.Plain(sigungu);
                o.Plain(Encoding.ASCII.GetBytes(OutcomeModel.Code(outcome)));
                o.Date(snapshot.Quarter.LastDay.DayNumber + rng.NextInt(1, 60), Dates);
                o.EndRow();
            }

            var audit = entries.Count(e => e.ByAudit);
            var supported = OutcomeModel.All.Where(OutcomeModel.IsSupported).Sum(k => counts[(int)k]);
            var byCode = OutcomeModel.All.ToDictionary(OutcomeModel.Code, k => counts[(int)k], StringComparer.Ordinal);
            reports.Add(new DispatchReport(variant.ToCode(), eligible, entries.Count - audit, audit, inCrisis, supported, counts[(int)OutcomeKind.NotEligible],
                counts[(int)OutcomeKind.Unreachable], byCode, labels[0], labels[1], labels[2], labels[3]));
        }

        return reports;
    }

    /// <summary>Counts positives and labelled outcomes among units in crisis (0, 1) and not in crisis (2, 3).</summary>
    private static void Tally(long[] labels, bool inCrisis, OutcomeKind outcome)
    {
        var offset = inCrisis ? 0 : 2;
        var supported = OutcomeModel.IsSupported(outcome);
        labels[offset] += supported ? 1 : 0;
        labels[offset + 1] += supported || outcome is OutcomeKind.NotEligible or OutcomeKind.AlreadyReceiving ? 1 : 0;
    }

    private void Support(int household, OutcomeKind outcome, long quarter)
    {
        if (!OutcomeModel.IsSupported(outcome))
        {
            return;
        }

        var households = world.Households;
        households.LastSupported[household] = (int)quarter;
        households.Relief[household] = Math.Max(households.Relief[household], (float)(OutcomeModel.Relief(outcome) * interventionEffect));
    }

    private static int VariantIndex(Variant variant) => variant switch
    {
        Variant.Household => 0,
        Variant.Child => 1,
        _ => 2,
    };
}
