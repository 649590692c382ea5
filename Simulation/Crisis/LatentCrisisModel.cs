using BlindSpot.Core.Catalog;
using BlindSpot.Simulation.Randomness;
using BlindSpot.Simulation.Roster;

namespace BlindSpot.Simulation.Crisis;

/// <summary>
/// Evolves each household's hidden crisis, one quarter at a time, in five dimensions. A crisis starts at a rate that
/// depends on who lives there, persists with probability 0.75 while drifting slightly upward, and otherwise ends or
/// eases. Rates were tuned so about 5 % of households have some severity above 0.5 (see docs/BENCHMARKS.md). It also
/// counts how many quarters in a row each household has had some crisis, which deepens its arrears. Support given in a
/// past dispatch lowers the new severities by the household's relief, which halves each quarter (docs/SIMULATION.md,
/// "Intervention effects"); the quarter's severities before the step are kept as the previous quarter's, for the feeds
/// whose records lag a crisis.
/// Each household draws from its own (seed, household, quarter) stream, so chunks run on any thread in any order.
/// </summary>
internal sealed class LatentCrisisModel(Households households, ulong seed, int parallelism)
{
    private const double Persistence = 0.75;

    // Onsets were tuned so ~5 % of households have some severity above 0.5; the system's support (in the burn-in and in
    // the simulated dispatches) lowers that to ~4 %, so the onsets are raised by this much to keep ~5 % (issue #21).
    private const double OnsetScale = 1.3;
    private const int Chunk = 65_536;

    /// <summary>
    /// One quarter for every household. In the burn-in (<paramref name="burnIn"/>) the system's past support is applied on
    /// average (<see cref="Dispatches.OutcomeModel.BurnInSupportChance"/>), so the first delivered quarter already is the
    /// steady state of a population the system has been visiting, and crisis prevalence does not drift down once the
    /// simulated dispatches start helping.
    /// </summary>
    public void Evolve(QuarterSnapshot snapshot, long quarter, bool burnIn = false)
    {
        var chunks = (households.Count + Chunk - 1) / Chunk;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, chunk =>
        {
            var end = Math.Min(households.Count, (chunk + 1) * Chunk);
            for (var h = chunk * Chunk; h < end; h++)
            {
                if (snapshot.HouseholdSize[h] > 0)
                {
                    EvolveOne(snapshot, h, quarter);
                    if (burnIn)
                    {
                        SupportInBurnIn(h, quarter);
                    }
                }
            }
        });
    }

    private void EvolveOne(QuarterSnapshot snapshot, int h, long quarter)
    {
        var rng = RandomStream.For(seed, RandomStreamId.Latent, (ulong)h, quarter);
        Span<float> before = stackalloc float[Households.Dimensions];
        for (var d = 0; d < Households.Dimensions; d++)
        {
            before[d] = households.Severity[d][h];
            households.PreviousSeverity[d][h] = before[d];
        }

        for (var d = 0; d < Households.Dimensions; d++)
        {
            var onset = Onset(snapshot, h, (LatentDimension)d, before);
            households.Severity[d][h] = onset == 0 ? 0 : Step(ref rng, before[d], onset);
        }

        Relieve(h);

        var lasting = households.MaxSeverity(h) > 0 ? households.CrisisQuarters[h] + 1 : 0;
        households.CrisisQuarters[h] = (byte)Math.Min(lasting, Households.MaxCrisisQuarters);
    }

    private void SupportInBurnIn(int h, long quarter)
    {
        if (households.MaxSeverity(h) >= Dispatches.OutcomeModel.BurnInNeed
            && RandomStream.For(seed, RandomStreamId.BurnInSupport, (ulong)h, quarter).Chance(Dispatches.OutcomeModel.BurnInSupportChance))
        {
            households.Relief[h] = Math.Max(households.Relief[h], Dispatches.OutcomeModel.BurnInRelief);
        }
    }

    /// <summary>Support lowers every severity by the relief (fading out below 0.05); the relief then halves.</summary>
    private void Relieve(int h)
    {
        var relief = households.Relief[h];
        if (relief <= 0)
        {
            return;
        }

        for (var d = 0; d < Households.Dimensions; d++)
        {
            var eased = households.Severity[d][h] * (1 - relief);
            households.Severity[d][h] = eased < 0.05f ? 0f : eased;
        }

        var next = relief * 0.5f;
        households.Relief[h] = next < 0.05f ? 0f : next;
    }

    private static float Step(ref RandomStream rng, float current, double onset)
    {
        if (current <= 0)
        {
            return rng.Chance(onset) ? (float)(0.1 + (0.9 * rng.NextDouble())) : 0f;
        }

        if (rng.Chance(Persistence))
        {
            return (float)Math.Clamp(current + 0.015 + (0.08 * rng.NextNormal()), 0.02, 1.0);
        }

        // Recovery: half end outright, half ease to 40 % and fade out below 0.05.
        var eased = rng.Chance(0.5) ? 0f : current * 0.4f;
        return eased < 0.05f ? 0f : eased;
    }

    /// <summary>
    /// Per-quarter onset probability; 0 means the dimension cannot apply (no child, no child neglect). Crises feed each
    /// other: isolation raises the onset of illness and money trouble (and illness raises isolation for those alone),
    /// money trouble raises housing loss and child neglect, as field reports on lonely deaths describe.
    /// </summary>
    private static double Onset(QuarterSnapshot s, int h, LatentDimension dimension, ReadOnlySpan<float> before)
    {
        var benefit = s.Has(h, HouseholdFlags.Benefit);
        var single = s.Has(h, HouseholdFlags.SinglePerson);
        int age = s.MaxAge[h];
        var financial = before[(int)LatentDimension.Financial] > 0.3f;
        var isolated = before[(int)LatentDimension.Isolation] > 0.3f;
        var ill = before[(int)LatentDimension.Health] > 0.3f;
        return OnsetScale * dimension switch
        {
            LatentDimension.Financial => (0.0045 * (benefit ? 2.5 : 1) * (single && age >= 65 ? 1.3 : 1)) + (isolated ? 0.12 : 0),
            LatentDimension.Health => (0.0022 * (age < 40 ? 0.5 : age < 65 ? 1 : age < 80 ? 2 : 3) * (s.Has(h, HouseholdFlags.Disability) ? 1.5 : 1)) + (isolated ? 0.2 : 0),
            LatentDimension.Isolation => single ? 0.013 * (age >= 65 ? 1.8 : age >= 40 ? 1.2 : 0.6) * (ill ? 2 : 1) : 0.0006,
            LatentDimension.ChildNeglect => s.Has(h, HouseholdFlags.WithChild) ? 0.008 * (benefit ? 2 : 1) * (financial ? 2 : 1) : 0,
            LatentDimension.Housing => 0.003 * (benefit ? 2 : 1) * (financial ? 2.5 : 1),
            _ => 0,
        };
    }
}
