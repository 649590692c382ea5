using System.Runtime.InteropServices;
using BlindSpot.Scoring.Metrics;

namespace BlindSpot.Scoring.Batch;

/// <summary>
/// One variant's national ranking from its shards, written as it is merged. Memory holds the candidates (rows that can
/// still be in the national top k, with their features) and one chunk per shard and one row group, never everyone's
/// columns: (1) every shard's scores are counted into a fresh <see cref="CandidateBar"/>, which then bounds the k-th best
/// score nationally from below; (2) each shard's candidates at or above the bar are kept, so every row of the national
/// top k is kept (its score is at least the k-th); (3) reasons are picked for the best of them, in rank order; (4) the
/// shards' rows, each shard already in rank order, are merged on <see cref="RankOrder.Key"/> into <see cref="ScoreWriter"/>
/// a row group at a time, 시군구 ranks counted on the way. The merge checks that its top rows are exactly the kept best,
/// so a candidate a shard failed to keep stops the write instead of giving a person no reasons.
/// </summary>
internal static class ShardMerge
{
    public static async Task<int> WriteAsync(IReadOnlyList<ShardFile> shards, int v, LiveVariant variant, ScoreOptions options, long rosterRows, string path, Func<int, IReadOnlyDictionary<string, string>> metadata, CancellationToken ct)
    {
        var total = checked(shards.Sum(s => s.Variants[v].Rows));
        var bar = new CandidateBar(variant.CandidateLimit);
        foreach (var shard in shards)
        {
            CountScores(shard, shard.Variants[v], bar);
        }

        ct.ThrowIfCancellationRequested();
        var kept = new List<Candidate>();
        foreach (var shard in shards)
        {
            KeepCandidates(shard, shard.Variants[v], bar.Value, kept);
        }

        var candidates = options.Candidates(variant.Variant, rosterRows, total);
        var top = kept.OrderBy(c => RankOrder.Key(c.Score, c.PersonKey)).Take(candidates).ToArray();
        kept.Clear();
        var reasons = Reasons(variant, top, options.Workers);
        var cursors = shards.Select(s => new ShardCursor(s, v)).ToArray();
        var merge = new Merge(cursors, top, candidates);
        await ScoreWriter.WriteAsync(path, total, reasons, metadata(reasons.Length), merge.Fill, ct).ConfigureAwait(false);
        return reasons.Length;
    }

    private static void CountScores(ShardFile shard, ShardVariant section, CandidateBar bar)
    {
        var scores = new float[Math.Min(ShardCursor.ChunkRows * 8, section.Rows)];
        for (var start = 0; start < section.Rows; start += scores.Length)
        {
            var rows = Math.Min(scores.Length, section.Rows - start);
            ShardReader.ReadAt(shard, section.ScoresAt + ((long)start * sizeof(float)), scores.AsSpan(0, rows));
            bar.Count(scores.AsSpan(0, rows));
        }
    }

    /// <summary>Adds the shard's candidates scoring at least <paramref name="floor"/>, reading their records a batch at a time.</summary>
    private static void KeepCandidates(ShardFile shard, ShardVariant section, float floor, List<Candidate> kept)
    {
        var size = sizeof(long) + sizeof(float) + (section.Width * sizeof(float));
        var batch = new byte[size * Math.Max(1, Math.Min(4_096, section.CandidateCount))];
        for (var start = 0; start < section.CandidateCount; start += batch.Length / size)
        {
            var count = Math.Min(batch.Length / size, section.CandidateCount - start);
            ShardReader.ReadAt(shard, section.CandidatesAt + ((long)start * size), batch.AsSpan(0, count * size));
            for (var c = 0; c < count; c++)
            {
                var record = batch.AsSpan(c * size, size);
                var score = MemoryMarshal.Read<float>(record[sizeof(long)..]);
                if (score >= floor)
                {
                    kept.Add(new Candidate(MemoryMarshal.Read<long>(record), score, MemoryMarshal.Cast<byte, float>(record[(sizeof(long) + sizeof(float))..]).ToArray()));
                }
            }
        }
    }

    /// <summary>Reasons for the national top candidates, in parallel (each person's reasons depend on their row alone).</summary>
    private static IReadOnlyList<Reason>[] Reasons(LiveVariant variant, Candidate[] rows, int workers)
    {
        var card = variant.Model.Card;
        var ensemble = variant.Model.Ensemble;
        var picker = new ReasonPicker(ensemble, card.Features, card.FeedFeatures.ToHashSet(StringComparer.Ordinal));
        var reasons = new IReadOnlyList<Reason>[rows.Length];
        var width = card.Features.Count;
        Parallel.For(0, rows.Length, new ParallelOptions { MaxDegreeOfParallelism = workers }, () => (new float[width], new double[width]), (i, _, scratch) =>
        {
            // The candidate kept only the features the trees read; every other feature contributes nothing.
            for (var c = 0; c < ensemble.UsedFeatures.Count; c++)
            {
                scratch.Item1[ensemble.UsedFeatures[c]] = rows[i].Features[c];
            }

            reasons[i] = picker.Pick(scratch.Item1, scratch.Item2);
            return scratch;
        }, _ => { });
        return reasons;
    }

    /// <summary>A k-way merge on <see cref="RankOrder.Key"/>; the heap's moves depend on the data alone, so equal keys merge the same way every run.</summary>
    private sealed class Merge
    {
        private readonly ShardCursor[] cursors;
        private readonly Candidate[] top;
        private readonly int candidates;
        private readonly PriorityQueue<int, UInt128> queue;
        private readonly Dictionary<string, int> seen = new(StringComparer.Ordinal);
        private int rank;

        public Merge(ShardCursor[] cursors, Candidate[] top, int candidates)
        {
            (this.cursors, this.top, this.candidates) = (cursors, top, candidates);
            queue = new PriorityQueue<int, UInt128>(cursors.Length);
            for (var s = 0; s < cursors.Length; s++)
            {
                if (cursors[s].HasRow)
                {
                    queue.Enqueue(s, RankOrder.Key(cursors[s].Score, cursors[s].PersonKey));
                }
            }
        }

        public void Fill(ScoreRows into, int count)
        {
            for (var i = 0; i < count; i++, rank++)
            {
                var s = queue.Peek();
                var cursor = cursors[s];
                if (rank < candidates && (rank >= top.Length || top[rank].PersonKey != cursor.PersonKey))
                {
                    throw new InvalidOperationException($"Candidate {cursor.PersonKey} at rank {rank + 1} was not kept by its part; the candidate limit is too small.");
                }

                into.PersonKeys[i] = cursor.PersonKey;
                into.HouseholdKeys[i] = cursor.HouseholdKey;
                into.Sigungu[i] = cursor.Sigungu;
                into.Scores[i] = cursor.Score;
                into.Raw[i] = cursor.Raw;
                ref var local = ref CollectionsMarshal.GetValueRefOrAddDefault(seen, cursor.Sigungu, out _);
                into.SigunguRanks[i] = ++local;
                cursor.Next();
                if (cursor.HasRow)
                {
                    queue.DequeueEnqueue(s, RankOrder.Key(cursor.Score, cursor.PersonKey));
                }
                else
                {
                    queue.Dequeue();
                }
            }
        }
    }
}
