using System.Runtime.InteropServices;
using System.Text;
using BlindSpot.Core.Catalog;

namespace BlindSpot.Scoring.Batch;

/// <summary>
/// Writes one shard's result, <c>scores/&lt;Q&gt;/shards/bucket=NNN.bin</c>: every variant's scores of the part in rank order
/// and the part's local top candidates with their features, behind the shard's checkpoint key. Little-endian binary
/// with no timestamps, so the same part and models give the same bytes; written to a temporary file and moved into
/// place, so a reader sees a whole shard or none. Layout (see <see cref="ShardReader"/>):
/// magic, key, part, variant count, then per variant: code, model version, candidate limit, rows, person keys,
/// household keys, 시군구 dictionary and codes, scores, raw scores, candidate count, width, candidates; then the end mark.
/// </summary>
internal static class ShardWriter
{
    public const string Magic = "BSSHARD1";
    public const string EndMark = "END!";

    public static async Task WriteAsync(string path, string key, string part, IReadOnlyList<LiveVariant> variants, IReadOnlyList<PartScores> scores, CancellationToken ct)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Shard files are little-endian; this machine is not.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(Encoding.ASCII.GetBytes(Magic));
            writer.Write(key);
            writer.Write(part);
            writer.Write(variants.Count);
            for (var v = 0; v < variants.Count; v++)
            {
                ct.ThrowIfCancellationRequested();
                WriteVariant(writer, variants[v], scores[v]);
            }

            writer.Write(Encoding.ASCII.GetBytes(EndMark));
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static void WriteVariant(BinaryWriter writer, LiveVariant variant, PartScores scores)
    {
        writer.Write(variant.Variant.ToCode());
        writer.Write(variant.Model.Card.Version);
        writer.Write(variant.CandidateLimit);
        writer.Write(scores.Rows);
        writer.Write(MemoryMarshal.AsBytes(scores.PersonKeys.AsSpan(0, scores.Rows)));
        writer.Write(MemoryMarshal.AsBytes(scores.HouseholdKeys.AsSpan(0, scores.Rows)));

        // 시군구 codes as a dictionary in first-seen order: a part has a few dozen codes for ~500,000 rows.
        var dictionary = new Dictionary<string, int>(StringComparer.Ordinal);
        var codes = new int[scores.Rows];
        for (var i = 0; i < codes.Length; i++)
        {
            var code = scores.Sigungu[i];
            if (!dictionary.TryGetValue(code, out codes[i]))
            {
                codes[i] = dictionary[code] = dictionary.Count;
            }
        }

        writer.Write(dictionary.Count);
        foreach (var code in dictionary.OrderBy(d => d.Value).Select(d => d.Key))
        {
            writer.Write(code);
        }

        writer.Write(MemoryMarshal.AsBytes(codes.AsSpan()));
        writer.Write(MemoryMarshal.AsBytes(scores.Scores.AsSpan(0, scores.Rows)));
        writer.Write(MemoryMarshal.AsBytes(scores.Raw.AsSpan(0, scores.Rows)));
        var width = scores.Candidates.Count > 0 ? scores.Candidates[0].Features.Length : 0;
        writer.Write(scores.Candidates.Count);
        writer.Write(width);
        foreach (var candidate in scores.Candidates)
        {
            writer.Write(candidate.PersonKey);
            writer.Write(candidate.Score);
            writer.Write(MemoryMarshal.AsBytes(candidate.Features.AsSpan()));
        }
    }
}
