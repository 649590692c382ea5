using Parquet;
using Parquet.Schema;

namespace BlindSpot.Ingestion.Lake;

/// <summary>
/// The Parquet writers of one feed's buckets, opened on a bucket's first row group: a feed's memory is one batch and
/// a small buffer per bucket written, whatever the population. Disposing closes every file. Not thread-safe.
/// </summary>
internal sealed class BucketWriters(ParquetSchema schema, Func<int, string> pathOf) : IAsyncDisposable
{
    private readonly Dictionary<int, (FileStream Stream, ParquetWriter Writer)> open = [];

    /// <summary>The writer of <paramref name="bucket"/>'s file, created (with its folder) the first time.</summary>
    public async Task<ParquetWriter> OpenAsync(int bucket)
    {
        if (open.TryGetValue(bucket, out var existing))
        {
            return existing.Writer;
        }

        var path = pathOf(bucket);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        try
        {
            var writer = await ParquetWriter.CreateAsync(schema, stream, IngestContext.ParquetOptions);
            open[bucket] = (stream, writer);
            return writer;
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (stream, writer) in open.Values)
        {
            await writer.DisposeAsync();
            await stream.DisposeAsync();
        }

        open.Clear();
    }
}
