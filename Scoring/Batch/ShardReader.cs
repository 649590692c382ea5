using System.Runtime.InteropServices;
using System.Text;
using BlindSpot.Core.Catalog;

namespace BlindSpot.Scoring.Batch;

/// <summary>
/// Reads shard files written by <see cref="ShardWriter"/>: the key (is a shard current?) and the place of each variant's
/// arrays, which <see cref="ShardCursor"/> and <see cref="ShardMerge"/> then read a chunk at a time, so the reduce never
/// holds a shard whole.
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
    /// Opens the shard at <paramref name="path"/> and finds every variant's section (same order as
    /// <paramref name="variants"/>) without reading its arrays; throws <see cref="InvalidDataException"/> naming the file
    /// when it is not the expected shard or is cut short.
    /// </summary>
    public static ShardFile Open(string path, string expectedKey, IReadOnlyList<LiveVariant> variants)
    {
        try
        {
            var sections = Sections(path, expectedKey, variants);
            return new ShardFile(path, File.OpenHandle(path), sections);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path}: truncated.", e);
        }
    }

    private static ShardVariant[] Sections(string path, string expectedKey, IReadOnlyList<LiveVariant> variants)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        Expect(Encoding.ASCII.GetString(reader.ReadBytes(ShardWriter.Magic.Length)) == ShardWriter.Magic, path, "not a shard file");
        var key = reader.ReadString();
        Expect(key == expectedKey, path, $"written for other inputs (key {key[..Math.Min(12, key.Length)]}, expected {expectedKey[..12]}): its part or a live model changed since; score the shard again");
        reader.ReadString();
        Expect(reader.ReadInt32() == variants.Count, path, "variant count differs");
        var sections = new ShardVariant[variants.Count];
        for (var v = 0; v < variants.Count; v++)
        {
            sections[v] = Section(reader, path, variants[v]);
        }

        Expect(Encoding.ASCII.GetString(reader.ReadBytes(ShardWriter.EndMark.Length)) == ShardWriter.EndMark && stream.Position == stream.Length, path, "truncated");
        return sections;
    }

    /// <summary>Reads a variant's header and dictionary and skips its arrays, recording where each starts.</summary>
    private static ShardVariant Section(BinaryReader reader, string path, LiveVariant variant)
    {
        var stream = reader.BaseStream;
        var code = reader.ReadString();
        Expect(code == variant.Variant.ToCode(), path, $"variant {code} where {variant.Variant.ToCode()} was expected");
        reader.ReadString();
        Expect(reader.ReadInt32() == variant.CandidateLimit, path, "candidate limit differs");
        var rows = reader.ReadInt32();
        Expect(rows >= 0, path, "negative row count");
        var personKeys = Skip(stream, path, rows * (long)sizeof(long));
        var householdKeys = Skip(stream, path, rows * (long)sizeof(long));
        var dictionary = new string[reader.ReadInt32()];
        for (var i = 0; i < dictionary.Length; i++)
        {
            dictionary[i] = reader.ReadString();
        }

        var codes = Skip(stream, path, rows * (long)sizeof(int));
        var scores = Skip(stream, path, rows * (long)sizeof(float));
        var raw = Skip(stream, path, rows * (long)sizeof(float));
        var candidates = reader.ReadInt32();
        var width = reader.ReadInt32();
        Expect(candidates >= 0 && width >= 0, path, "negative candidate count or width");
        var at = Skip(stream, path, candidates * (sizeof(long) + sizeof(float) + (width * (long)sizeof(float))));
        return new ShardVariant(rows, personKeys, householdKeys, dictionary, codes, scores, raw, candidates, width, at);
    }

    /// <summary>Moves past <paramref name="bytes"/> bytes and returns where they start; refuses to pass the file's end.</summary>
    private static long Skip(Stream stream, string path, long bytes)
    {
        var at = stream.Position;
        Expect(at + bytes <= stream.Length, path, "truncated");
        stream.Seek(bytes, SeekOrigin.Current);
        return at;
    }

    /// <summary>Fills <paramref name="values"/> from the file at <paramref name="offset"/> (a positional read: no shared position).</summary>
    public static void ReadAt<T>(ShardFile file, long offset, Span<T> values)
        where T : struct
    {
        var bytes = MemoryMarshal.AsBytes(values);
        while (bytes.Length > 0)
        {
            var read = RandomAccess.Read(file.Handle, bytes, offset);
            Expect(read > 0, file.Path, "truncated");
            bytes = bytes[read..];
            offset += read;
        }
    }

    private static void Expect(bool condition, string path, string problem)
    {
        if (!condition)
        {
            throw new InvalidDataException($"{path}: {problem}.");
        }
    }
}
