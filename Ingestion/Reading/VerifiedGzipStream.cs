using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.IO.Hashing;
using BlindSpot.Core.IO;
using BlindSpot.Ingestion.Feeds;

namespace BlindSpot.Ingestion.Reading;

/// <summary>
/// Decompresses a <c>.csv.gz</c> delivery and verifies it end to end: the gzip magic, then, when the data ends, the
/// trailer's CRC32 and ISIZE against what was decompressed. .NET's <see cref="GZipStream"/> ends quietly when a cut-off
/// file stops at a deflate flush point, so a truncated delivery would otherwise read as a shorter, valid one; and its
/// own errors ("unsupported compression method") name no file. Either becomes a <see cref="FeedFailedException"/> naming
/// the file and the offsets. A file of several concatenated gzip members is checked against its last member's trailer
/// and so is refused (recompress it as one member). Read-only, forward-only.
/// </summary>
internal sealed class VerifiedGzipStream : ForwardReadStream
{
    private const int HeaderAndTrailer = 18;

    private readonly FileStream file;
    private readonly GZipStream gzip;
    private readonly string fileName;
    private readonly string source;
    private readonly uint expectedCrc;
    private readonly uint expectedLength;
    private readonly Crc32 crc = new();
    private long length;
    private bool verified;

    private VerifiedGzipStream(FileStream file, string fileName, string source, uint expectedCrc, uint expectedLength)
    {
        this.file = file;
        this.fileName = fileName;
        this.source = source;
        this.expectedCrc = expectedCrc;
        this.expectedLength = expectedLength;
        gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
    }

    /// <summary>Checks the magic and reads the trailer of <paramref name="file"/> (positioned at 0), then returns the stream; takes ownership of the file.</summary>
    public static VerifiedGzipStream Open(FileStream file, string fileName, string source)
    {
        ArgumentNullException.ThrowIfNull(file);
        try
        {
            if (file.Length < HeaderAndTrailer)
            {
                throw new FeedFailedException($"{fileName}: {file.Length} bytes is too short for a gzip file (its header and trailer alone take {HeaderAndTrailer}); the transfer was cut off. Ask {source} to redeliver it; nothing of this delivery was written.");
            }

            Span<byte> bytes = stackalloc byte[8];
            file.ReadExactly(bytes[..2]);
            if (bytes[0] != 0x1F || bytes[1] != 0x8B)
            {
                throw new FeedFailedException($"{fileName}: named .gz but not gzip data (it starts with 0x{bytes[0]:X2} 0x{bytes[1]:X2}, not 0x1F 0x8B). Ask {source} to redeliver it, or rename it to .csv if it is plain text.");
            }

            file.Seek(-8, SeekOrigin.End);
            file.ReadExactly(bytes);
            file.Seek(0, SeekOrigin.Begin);
            return new VerifiedGzipStream(file, fileName, source, BinaryPrimitives.ReadUInt32LittleEndian(bytes), BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]));
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public override long Position { get => length; set => throw new NotSupportedException(); }

    public override int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = gzip.Read(buffer);
        }
        catch (InvalidDataException ex)
        {
            throw new FeedFailedException(string.Create(CultureInfo.InvariantCulture,
                $"{fileName}: the gzip data is corrupt near compressed offset {file.Position:N0} of {file.Length:N0} bytes, after {length:N0} bytes of text ({ex.Message.TrimEnd('.')}). " +
                $"Ask {source} to redeliver it ('gzip -t' shows the same); nothing of this delivery was written."), ex);
        }

        if (read > 0)
        {
            crc.Append(buffer[..read]);
            length += read;
        }
        else if (buffer.Length > 0)
        {
            Verify();
        }

        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            gzip.Dispose();
            file.Dispose();
        }

        base.Dispose(disposing);
    }

    // ISIZE is the length modulo 2^32, so deliveries over 4 GiB still compare correctly.
    private void Verify()
    {
        if (verified)
        {
            return;
        }

        var actual = crc.GetCurrentHashAsUInt32();
        if (actual != expectedCrc || (uint)length != expectedLength)
        {
            throw new FeedFailedException(string.Create(CultureInfo.InvariantCulture,
                $"{fileName}: the gzip file is cut off or corrupt: it decompresses to {length:N0} bytes of text (CRC32 {actual:x8}) ending at compressed offset {file.Length:N0}, " +
                $"which does not match the length and CRC32 its last 8 bytes record ({expectedLength:N0} bytes, CRC32 {expectedCrc:x8}). Ask {source} to redeliver the complete file ('gzip -t' shows the same); nothing of this delivery was written."));
        }

        verified = true;
    }
}
