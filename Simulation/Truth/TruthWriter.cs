using System.Text;
using BlindSpot.Simulation.Crisis;
using BlindSpot.Simulation.Roster;
using Parquet;

namespace BlindSpot.Simulation.Truth;

/// <summary>
/// Writes <c>truth/&lt;Q&gt;.parquet</c> with Parquet.Net's column API (Snappy, row groups of a million rows),
/// one row per roster person in roster order.
/// </summary>
internal sealed class TruthWriter(SimulationWorld world, QuarterSnapshot snapshot, TruthTable truth, double invisibleShare)
{
    private const int RowGroupSize = 1_000_000;

    public async Task WriteAsync(Stream stream, CancellationToken cancellationToken)
    {
        // Resident numbers are all unique: a 10,000-value sample lets Parquet.Net skip its full-column dictionary scan.
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy, DictionaryEncodingSampleSize = 10_000 };
        await using var writer = await ParquetWriter.CreateAsync(TruthSchema.Schema, stream, options, append: false, cancellationToken);
        for (var start = 0; start < snapshot.Roster.Length; start += RowGroupSize)
        {
            var ids = snapshot.Roster.AsMemory(start, Math.Min(RowGroupSize, snapshot.Roster.Length - start));
            // Parquet.Net 6.1's row-group writer is IDisposable only (PITFALLS.md expected IAsyncDisposable).
            using var group = writer.CreateRowGroup();
            await WriteGroupAsync(group, ids, cancellationToken);
        }
    }

    private async Task WriteGroupAsync(ParquetRowGroupWriter group, ReadOnlyMemory<int> ids, CancellationToken cancellationToken)
    {
        var n = ids.Length;
        var residentNo = new string[n];
        var householdNo = new string[n];
        var severities = Enumerable.Range(0, Households.Dimensions).Select(_ => new float[n]).ToArray();
        var risks = Enumerable.Range(0, 3).Select(_ => new float[n]).ToArray();
        var flags = Enumerable.Range(0, 3).Select(_ => new bool[n]).ToArray();
        var supported = new bool[n];
        var invisible = new bool[n];
        Fill(ids.Span, residentNo, householdNo, severities, risks, flags);
        Mark(ids.Span, supported, invisible);
        await group.WriteAsync(TruthSchema.ResidentNo, residentNo);
        await group.WriteAsync(TruthSchema.HouseholdNo, householdNo);
        for (var d = 0; d < severities.Length; d++)
        {
            await group.WriteAsync<float>(TruthSchema.Severities[d], severities[d], cancellationToken: cancellationToken);
        }

        for (var v = 0; v < 3; v++)
        {
            await group.WriteAsync<float>(TruthSchema.Risks[v], risks[v], cancellationToken: cancellationToken);
        }

        for (var v = 0; v < 3; v++)
        {
            await group.WriteAsync<bool>(TruthSchema.InCrisis[v], flags[v], cancellationToken: cancellationToken);
        }

        await group.WriteAsync<bool>(TruthSchema.SupportedLastQuarter, supported, cancellationToken: cancellationToken);
        await group.WriteAsync<bool>(TruthSchema.Invisible, invisible, cancellationToken: cancellationToken);
    }

    private void Mark(ReadOnlySpan<int> ids, bool[] supported, bool[] invisible)
    {
        var previous = (int)Randomness.QuarterIndex.Of(snapshot.Quarter) - 1;
        for (var i = 0; i < ids.Length; i++)
        {
            var h = world.People.Household[ids[i]];
            supported[i] = world.Households.LastSupported[h] == previous;
            invisible[i] = Deliveries.FeedNoise.IsInvisible(world.Seed, invisibleShare, h);
        }
    }

    private void Fill(ReadOnlySpan<int> ids, string[] residentNo, string[] householdNo, float[][] severities, float[][] risks, bool[][] flags)
    {
        Span<byte> key = stackalloc byte[16];
        Span<float> s = stackalloc float[Households.Dimensions];
        for (var i = 0; i < ids.Length; i++)
        {
            var id = ids[i];
            var h = world.People.Household[id];
            world.WriteResidentNumber(key, id);
            residentNo[i] = Encoding.ASCII.GetString(key[..14]);
            world.WriteHouseholdNumber(key, h);
            householdNo[i] = Encoding.ASCII.GetString(key[..KeyBytes.HouseholdLength]);
            world.SeverityOf(h, s);
            for (var d = 0; d < s.Length; d++)
            {
                severities[d][i] = s[d];
            }

            int age = snapshot.Age[id];
            var single = snapshot.Has(h, HouseholdFlags.SinglePerson);
            risks[0][i] = TruthRules.HouseholdRisk(age, world.Households.MaxSeverity(h));
            risks[1][i] = TruthRules.ChildRisk(age, s);
            risks[2][i] = TruthRules.LonelyDeathRisk(age, single, s);
            for (var v = 0; v < 3; v++)
            {
                flags[v][i] = truth.Flags[v][id];
            }
        }
    }
}
