using BlindSpot.Scoring.Data;

namespace BlindSpot.Scoring.Batch;

/// <summary>
/// Reads one part file once and scores every live variant on it: eligible rows are gathered into blocks of contiguous
/// features and evaluated tree by tree. One part is one task; parts run in parallel, so reading is parallel too.
/// </summary>
internal static class PartScorer
{
    public static async Task<PartScores[]> ScoreAsync(string path, IReadOnlyList<string> names, IReadOnlyList<LiveVariant> variants, int blockRows, CancellationToken ct)
    {
        var results = variants.Select(v => new PartScores(v.CandidateLimit)).ToArray();
        var width = names.Count;
        var scratch = new float[blockRows * width];
        var raw = new float[blockRows];
        var rows = new int[blockRows];
        var sigungu = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var block in FeatureBlockReader.ReadAsync(path, names, ct: ct).ConfigureAwait(false))
        {
            for (var v = 0; v < variants.Count; v++)
            {
                var eligible = block.Eligible(variants[v].Variant);
                var count = 0;
                for (var r = 0; r < block.Rows; r++)
                {
                    if (!eligible[r])
                    {
                        continue;
                    }

                    block.Row(r).CopyTo(scratch.AsSpan(count * width, width));
                    rows[count++] = r;
                    if (count == blockRows)
                    {
                        Flush(variants[v], results[v], block, sigungu, scratch, raw, rows, count, width);
                        count = 0;
                    }
                }

                Flush(variants[v], results[v], block, sigungu, scratch, raw, rows, count, width);
            }
        }

        foreach (var result in results)
        {
            result.Prune(final: true);
        }

        return results;
    }

    private static void Flush(LiveVariant variant, PartScores result, FeatureBlock block, Dictionary<string, string> sigungu, float[] scratch, float[] raw, int[] rows, int count, int width)
    {
        if (count == 0)
        {
            return;
        }

        var ensemble = variant.Model.Ensemble;
        ensemble.Raw(scratch.AsSpan(0, count * width), width, raw.AsSpan(0, count));
        for (var i = 0; i < count; i++)
        {
            var r = rows[i];
            var score = ensemble.Probability(raw[i]);
            result.PersonKeys.Add(block.PersonKeys[r]);
            result.HouseholdKeys.Add(block.HouseholdKeys[r]);

            // One string per 시군구, not one per person: 9M rows share ~250 codes.
            var code = block.SigunguCodes[r];
            result.Sigungu.Add(sigungu.TryGetValue(code, out var shared) ? shared : sigungu[code] = code);
            result.Scores.Add(score);
            result.Raw.Add(raw[i]);
            if (score >= result.Threshold)
            {
                result.Keep(new Candidate(block.PersonKeys[r], score, scratch.AsSpan(i * width, width).ToArray()));
                result.Prune();
            }
        }
    }
}
