using System.Runtime.InteropServices;
using System.Text;
using BlindSpot.Core.Catalog;

namespace BlindSpot.Scoring.Batch;

/// <summary>
/// Reads shard files written by <see cref="ShardWriter"/>. Candidates are kept as the scorer keeps them: only those that
/// can still reach the variant's national top k (the bar shared by every shard read into the same variant), so the reduce
/// holds about as many candidate features as the single-process scorer does.
/// </summary>
internal static class ShardReader
{
    /// <summary>The checkpoint key a shard file was written with, or null when there is no complete file.</summary>
    public static string? ReadKey(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        if (stream.Length < ShardWriter.Magic.Length + ShardWriter.EndMark.Length || Encoding.ASCII.GetString(reader.ReadBytes(ShardWriter.Magic.Length)) != ShardWriter.Magic)
        {
            return null;
        }

        var key = reader.ReadString();
        stream.Seek(-ShardWriter.EndMark.Length, SeekOrigin.End);
        return Encoding.ASCII.GetString(reader.ReadBytes(ShardWriter.EndMark.Length)) == ShardWriter.EndMark ? key : null;
    }

    /// <summary>
    /// One <see cref="PartScores"/> per variant of <paramref name="variants"/> (same order) from the shard at
    /// <paramref name="path"/>; throws <see cref="InvalidDataException"/> naming the file when it is not the expected shard.
    /// </summary>
    public static PartScores[] Read(string path, string expectedKey, IReadOnlyList<LiveVariant> variants)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        Expect(Encoding.ASCII.GetString(reader.ReadBytes(ShardWriter.Magic.Length)) == ShardWriter.Magic, path, "not a shard file");
        var key = reader.ReadString();
        Expect(key == expectedKey, path, $"written for other inputs (key {key[..Math.Min(12, key.Length)]}, expected {expectedKey[..12]}): its part or a live model changed since; score the shard again");
        reader.ReadString();
        Expect(reader.ReadInt32() == variants.Count, path, "variant count differs");
        var results = new PartScores[variants.Count];
        for (var v = 0; v < variants.Count; v++)
        {
            results[v] = ReadVariant(reader, path, variants[v]);
        }

        Expect(Encoding.ASCII.GetString(reader.ReadBytes(ShardWriter.EndMark.Length)) == ShardWriter.EndMark, path, "truncated");
        return results;
    }

    private static PartScores ReadVariant(BinaryReader reader, string path, LiveVariant variant)
    {
        var code = reader.ReadString();
        Expect(code == variant.Variant.ToCode(), path, $"variant {code} where {variant.Variant.ToCode()} was expected");
        reader.ReadString();
        Expect(reader.ReadInt32() == variant.CandidateLimit, path, "candidate limit differs");
        var rows = reader.ReadInt32();
        var personKeys = ReadArray<long>(reader, rows);
        var householdKeys = ReadArray<long>(reader, rows);
        var dictionary = new string[reader.ReadInt32()];
        for (var i = 0; i < dictionary.Length; i++)
        {
            dictionary[i] = reader.ReadString();
        }

        var sigungu = ReadArray<int>(reader, rows);
        var scores = ReadArray<float>(reader, rows);
        var raw = ReadArray<float>(reader, rows);
        var candidates = reader.ReadInt32();
        var width = reader.ReadInt32();
        var result = new PartScores(variant.Bar, width);
        result.Reserve(rows);
        for (var i = 0; i < rows; i++)
        {
            result.Add(personKeys[i], householdKeys[i], dictionary[sigungu[i]], scores[i], raw[i]);
        }

        // Counting the shard's scores raises the shared bar, so later shards keep fewer candidates.
        result.Count(scores);
        for (var c = 0; c < candidates; c++)
        {
            var key = reader.ReadInt64();
            var score = reader.ReadSingle();
            var features = ReadArray<float>(reader, width);
            if (score >= result.Threshold)
            {
                features.CopyTo(result.Keep(key, score));
            }
        }

        result.Prune();
        result.Complete();
        return result;
    }

    private static T[] ReadArray<T>(BinaryReader reader, int count)
        where T : struct
    {
        var values = new T[count];
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        // BinaryReader keeps no read-ahead, so reading the stream directly stays in step with it.
        reader.BaseStream.ReadExactly(bytes);
        return values;
    }

    private static void Expect(bool condition, string path, string problem)
    {
        if (!condition)
        {
            throw new InvalidDataException($"{path}: {problem}.");
        }
    }
}
