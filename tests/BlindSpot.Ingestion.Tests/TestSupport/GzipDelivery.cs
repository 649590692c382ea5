using System.IO.Compression;

namespace BlindSpot.Ingestion.Tests.TestSupport;

/// <summary>Turns a test delivery into <c>.csv.gz</c>, optionally cut off where a real transfer would stop.</summary>
internal static class GzipDelivery
{
    /// <summary>
    /// Compresses <paramref name="plainPath"/> to <c>.gz</c> (the plain file removed) with a flush after the first
    /// <paramref name="flushAfter"/> bytes, and returns the compressed offset of that flush: cutting the file there leaves
    /// valid deflate data without a trailer, which .NET's GZipStream reads as a complete, shorter file.
    /// </summary>
    public static long Compress(string plainPath, double flushAfter = 0.6)
    {
        var bytes = File.ReadAllBytes(plainPath);
        var split = (int)(bytes.Length * flushAfter);
        long flushPoint;
        using (var file = File.Create(plainPath + ".gz"))
        {
            using var gzip = new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true);
            gzip.Write(bytes.AsSpan(0, split));
            gzip.Flush();
            flushPoint = file.Position;
            gzip.Write(bytes.AsSpan(split));
        }

        File.Delete(plainPath);
        return flushPoint;
    }

    public static void Truncate(string path, long length)
    {
        using var file = new FileStream(path, FileMode.Open);
        file.SetLength(length);
    }
}
