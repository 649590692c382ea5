using BlindSpot.Scoring.Data;

namespace BlindSpot.Scoring.Batch;

/// <summary>
/// Reads one part file once for every live variant, decoding only the feature columns their trees read, and scores each
/// variant's eligible rows in blocks: the rows' used features are gathered into a small column-major block and evaluated
/// split by split (<see cref="Models.TreeEnsemble.RawColumns"/>). One part is one task; parts run in parallel, so reading is
/// parallel too. Each result ends sorted in rank order, ready for <see cref="ShardMerge"/> to merge.
/// </summary>
internal static class PartScorer
{
    /// <param name="path">The part file.</param>
    /// <param name="names">The feature schema in order (the manifest's list).</param>
    /// <param name="variants">The variants to score; each gets one <see cref="PartScores"/>, in this order.</param>
    /// <param name="blockRows">Rows evaluated together (<see cref="ScoreOptions.BlockRows"/>).</param>
    /// <param name="ct">Cancels between row groups and columns.</param>
    /// <param name="pool">Row-group buffers shared with the run's other parts; <c>null</c> allocates this part's own.</param>
    public static async Task<PartScores[]> ScoreAsync(string path, IReadOnlyList<string> names, IReadOnlyList<LiveVariant> variants, int blockRows, CancellationToken ct, FeatureColumnsPool? pool = null)
    {
        ArgumentNullException.ThrowIfNull(variants);
        var results = variants.Select(v => new PartScores(v.Bar, v.Model.Ensemble.UsedFeatures.Count)).ToArray();
        var read = variants.SelectMany(v => v.Model.Ensemble.UsedFeatures).Distinct().Order().ToArray();
        var blocks = variants.Select(v => new float[v.Model.Ensemble.UsedFeatures.Count * blockRows]).ToArray();
        var raw = new float[blockRows];
        var probabilities = new float[blockRows];
        var rows = Array.Empty<int>();
        await foreach (var block in FeatureColumnReader.ReadAsync(path, names, read, pool, ct).ConfigureAwait(false))
        {
            if (rows.Length < block.Rows)
            {
                rows = new int[block.Rows];
            }

            for (var v = 0; v < variants.Count; v++)
            {
                var eligible = block.Eligible(variants[v].Variant);
                var count = 0;
                for (var r = 0; r < eligible.Length; r++)
                {
                    if (eligible[r])
                    {
                        rows[count++] = r;
                    }
                }

                results[v].Reserve(count);
                for (var start = 0; start < count; start += blockRows)
                {
                    Score(variants[v], results[v], block, blocks[v], blockRows, rows.AsSpan(start, Math.Min(blockRows, count - start)), raw, probabilities);
                }
            }
        }

        foreach (var result in results)
        {
            result.Complete();
        }

        return results;
    }

    /// <summary>Scores the block's rows <paramref name="rows"/> for one variant and adds them (and any candidates) to its result.</summary>
    private static void Score(LiveVariant variant, PartScores result, FeatureColumns block, float[] columns, int stride, ReadOnlySpan<int> rows, float[] raw, float[] probabilities)
    {
        var ensemble = variant.Model.Ensemble;
        var used = ensemble.UsedFeatures;
        for (var c = 0; c < used.Count; c++)
        {
            var source = block.Feature(used[c]);
            var target = columns.AsSpan(c * stride, rows.Length);
            for (var i = 0; i < rows.Length; i++)
            {
                target[i] = source[rows[i]];
            }
        }

        ensemble.RawColumns(columns, stride, raw.AsSpan(0, rows.Length));
        var scores = probabilities.AsSpan(0, rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            scores[i] = ensemble.Probability(raw[i]);
        }

        result.Count(scores);
        var threshold = result.Threshold;
        for (var i = 0; i < rows.Length; i++)
        {
            var r = rows[i];
            result.Add(block.PersonKeys[r], block.HouseholdKeys[r], block.SigunguCodes[r], scores[i], raw[i]);
            if (scores[i] >= threshold)
            {
                var features = result.Keep(block.PersonKeys[r], scores[i]);
                for (var c = 0; c < used.Count; c++)
                {
                    features[c] = columns[(c * stride) + i];
                }
            }
        }

        result.Prune();
    }
}
