using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.IO;

namespace BlindSpot.Ingestion.Reading;

/// <summary>
/// Turns a delivery's bytes into strict UTF-8 for the CSV reader: honours a UTF-8 byte-order mark, transcodes CP949,
/// and throws <see cref="DeliveryEncodingException"/> at the first byte invalid in the encoding, with its offset and line,
/// so a wrongly encoded file stops with a message instead of reaching the lake as mojibake. A data line longer than
/// <see cref="ChunkSize"/> is not decoded at all: it is handed on as an empty line (so line numbers stay true) and listed
/// in <see cref="OverlongLines"/> for quarantine, instead of failing the whole delivery. Counts the physical lines, so the
/// reader can check that every line became a record. Read-only, forward-only.
/// </summary>
internal sealed class DecodingStream : ForwardReadStream
{
    /// <summary>The longest line decoded, 1 MiB; a longer data line is skipped and quarantined.</summary>
    public const int ChunkSize = 1 << 20;

    /// <summary>How much of a skipped over-long line is kept for the quarantine file.</summary>
    private const int KeptPrefix = 200;

    /// <summary>The reject reason of an over-long line, shared with the reader's own length check so they group together.</summary>
    public const string TooLong = "line longer than the limit";
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private readonly Stream source;
    private readonly string fileName;
    private readonly FeedEncoding declared;
    private readonly byte[] input = ArrayPool<byte>.Shared.Rent(ChunkSize + 8);
    private byte[] output = ArrayPool<byte>.Shared.Rent(ChunkSize * 2);
    private char[] chars = ArrayPool<char>.Shared.Rent(ChunkSize + 8);
    private bool cp949;
    private int carry;
    private int outputStart;
    private int outputEnd;
    private long sourceOffset;
    private long linesBefore;
    private bool started;
    private bool ended;
    private byte lastByte;
    private bool skipping;

    public DecodingStream(Stream source, FeedEncoding declared, string fileName)
    {
        this.source = source;
        this.declared = declared;
        this.fileName = fileName;
    }

    /// <summary>How the bytes were read, for the report: "cp949", "utf-8" or "utf-8 (BOM)".</summary>
    public string EncodingRead { get; private set; } = "";

    /// <summary>Set when the file's byte-order mark contradicts the catalog; the delivery was read as the mark says.</summary>
    public string? EncodingWarning { get; private set; }

    /// <summary>UTF-8 bytes handed out so far (the reader's byte offsets count these).</summary>
    public long OutputBytes { get; private set; }

    /// <summary>True once the source is exhausted.</summary>
    public bool SourceEnded => ended;

    /// <summary>True when the input ended with a line break (or is empty); false means the last line may be cut off.</summary>
    public bool EndsWithLineBreak => OutputBytes == 0 || lastByte is (byte)'\n' or (byte)'\r';

    /// <summary>Data lines longer than <see cref="ChunkSize"/>, skipped (an empty line was handed on in their place), oldest first.</summary>
    public Queue<SkippedLine> OverlongLines { get; } = new();

    /// <summary>Physical lines read so far (line feeds, plus a last line without one), blank ones included.</summary>
    public long PhysicalLines => linesBefore + (OutputBytes > 0 && !EndsWithLineBreak ? 1 : 0);

    /// <summary>Lines that are empty (or hold only a carriage return), which the CSV reader skips.</summary>
    public long BlankLines { get; private set; }

    /// <summary>True when the delivery holds no bytes at all apart from a byte-order mark.</summary>
    public bool IsEmpty
    {
        get
        {
            EnsureStarted();
            return ended && outputEnd == 0 && OutputBytes == 0;
        }
    }

    public override long Position { get => OutputBytes; set => throw new NotSupportedException(); }

    public override int Read(Span<byte> buffer)
    {
        EnsureStarted();
        while (outputStart == outputEnd)
        {
            if (ended)
            {
                return 0;
            }

            Fill();
        }

        var count = Math.Min(buffer.Length, outputEnd - outputStart);
        output.AsSpan(outputStart, count).CopyTo(buffer);
        outputStart += count;
        OutputBytes += count;
        lastByte = buffer[count - 1];
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            source.Dispose();
            ArrayPool<byte>.Shared.Return(input);
            ArrayPool<byte>.Shared.Return(output);
            ArrayPool<char>.Shared.Return(chars);
        }

        base.Dispose(disposing);
    }

    private void EnsureStarted()
    {
        if (started)
        {
            return;
        }

        started = true;
        var read = ReadSource(input.AsSpan(0, ChunkSize));
        var hasBom = read >= 3 && input.AsSpan(0, 3).SequenceEqual(Utf8Bom);
        ChooseEncoding(hasBom);
        var skip = hasBom ? 3 : 0;
        sourceOffset = skip;
        input.AsSpan(skip, read - skip).CopyTo(input);
        carry = read - skip;
        Decode(carry);
    }

    // A byte-order mark is evidence the declaration cannot outweigh: the file was saved as UTF-8.
    private void ChooseEncoding(bool hasBom)
    {
        if (hasBom)
        {
            EncodingRead = "utf-8 (BOM)";
            if (declared == FeedEncoding.Cp949)
            {
                EncodingWarning = $"{fileName}: starts with a UTF-8 byte-order mark although the catalog declares cp949; read as UTF-8. Update the catalog if the institution changed its export.";
            }

            return;
        }

        if (declared == FeedEncoding.Cp949)
        {
            EncodingRead = "cp949";
            cp949 = true;
            return;
        }

        EncodingRead = "utf-8";
        if (declared == FeedEncoding.Utf8Bom)
        {
            EncodingWarning = $"{fileName}: the catalog declares UTF-8 with a byte-order mark but the file has none; read as strict UTF-8.";
        }
    }

    private void Fill()
    {
        var read = ReadSource(input.AsSpan(carry, ChunkSize - carry));
        Decode(carry + read);
    }

    private int ReadSource(Span<byte> target)
    {
        var total = 0;
        while (total < target.Length)
        {
            var read = source.Read(target[total..]);
            if (read == 0)
            {
                ended = true;
                break;
            }

            total += read;
        }

        return total;
    }

    // Whole lines only: a line feed is never part of a multi-byte character in UTF-8 or CP949, so each piece decodes
    // on its own (no decoder state across chunks) and the rest of the last line waits for more input. Pure-ASCII
    // pieces, nearly all of a delivery after its header, are copied without decoding.
    private void Decode(int length)
    {
        outputStart = 0;
        outputEnd = 0;
        if (skipping && !SkipRestOfLine(ref length))
        {
            return;
        }

        var usable = ended ? length : input.AsSpan(0, length).LastIndexOf((byte)'\n') + 1;
        if (usable == 0 && length >= ChunkSize)
        {
            StartSkipping(length);
            return;
        }

        var piece = input.AsSpan(0, usable);
        if (Ascii.IsValid(piece))
        {
            piece.CopyTo(output);
            outputEnd = usable;
        }
        else if (cp949)
        {
            DecodeCp949(piece);
        }
        else
        {
            DecodeUtf8(piece);
        }

        Advance(usable);
        carry = length - usable;
        input.AsSpan(usable, carry).CopyTo(input);
    }

    // The header cannot be skipped: without it no column can be found.
    private void StartSkipping(int length)
    {
        if (linesBefore == 0)
        {
            throw new DeliveryEncodingException(string.Create(CultureInfo.InvariantCulture, $"{fileName}: the first line (the header) has no line break in its first {ChunkSize:N0} bytes; this is not a line-based CSV delivery. Ask the institution to redeliver it."));
        }

        var prefix = input.AsSpan(0, KeptPrefix);
        OverlongLines.Enqueue(new SkippedLine(
            linesBefore + 1,
            cp949 ? TextEncodings.Cp949.GetString(prefix) : Encoding.UTF8.GetString(prefix),
            TooLong,
            string.Create(CultureInfo.InvariantCulture, $"{TooLong}: over {ChunkSize:N0} bytes from offset {sourceOffset:N0}, not decoded; only its first bytes are kept here")));
        output[0] = (byte)'\n';
        outputEnd = 1;
        skipping = true;
        sourceOffset += length;
        carry = 0;
    }

    // Drops input up to and including the over-long line's line feed; false while the line goes on.
    private bool SkipRestOfLine(ref int length)
    {
        var lineFeed = input.AsSpan(0, length).IndexOf((byte)'\n');
        if (lineFeed < 0)
        {
            sourceOffset += length;
            carry = 0;
            if (ended)
            {
                // The file ends inside the over-long line: it still counts as a line.
                skipping = false;
                linesBefore++;
            }

            return false;
        }

        skipping = false;
        linesBefore++;
        sourceOffset += lineFeed + 1;
        length -= lineFeed + 1;
        input.AsSpan(lineFeed + 1, length).CopyTo(input);
        return true;
    }

    private void DecodeUtf8(ReadOnlySpan<byte> piece)
    {
        if (!Utf8.IsValid(piece))
        {
            Utf8.ToUtf16(piece, chars, out var valid, out _, replaceInvalidSequences: false, isFinalBlock: true);
            throw Invalid(valid, "UTF-8");
        }

        piece.CopyTo(output);
        outputEnd = piece.Length;
    }

    private void DecodeCp949(ReadOnlySpan<byte> piece)
    {
        int charCount;
        try
        {
            charCount = TextEncodings.Cp949.GetChars(piece, chars);
        }
        catch (DecoderFallbackException ex)
        {
            throw Invalid(Math.Max(0, ex.Index), "CP949");
        }

        CheckUnassigned(charCount);
        var needed = Encoding.UTF8.GetMaxByteCount(charCount);
        if (output.Length < needed)
        {
            ArrayPool<byte>.Shared.Return(output);
            output = ArrayPool<byte>.Shared.Rent(needed);
        }

        outputEnd = Encoding.UTF8.GetBytes(chars.AsSpan(0, charCount), output);
    }

    // Windows' code page 949 "decodes" bytes no Korean text uses (0x80, 0xFF, the user-defined rows) to control or
    // private-use characters instead of failing; those are garbage in a delivery, so they count as invalid too.
    private void CheckUnassigned(int charCount)
    {
        var text = chars.AsSpan(0, charCount);
        var bad = text.IndexOfAnyInRange('\u0080', '\u009F');
        var privateUse = text.IndexOfAnyInRange('\uE000', '\uF8FF');
        if (bad < 0 || (privateUse >= 0 && privateUse < bad))
        {
            bad = privateUse;
        }

        if (bad >= 0)
        {
            throw Invalid(TextEncodings.Cp949.GetByteCount(text[..bad]), "CP949");
        }
    }

    private void Advance(int consumed)
    {
        var piece = input.AsSpan(0, consumed);
        linesBefore += piece.Count((byte)'\n');
        BlankLines += CountBlankLines(piece);
        sourceOffset += consumed;
    }

    // A piece always starts at the start of a line, so a blank line is one at the start or one after a line feed.
    private static long CountBlankLines(ReadOnlySpan<byte> piece)
    {
        var blank = piece.StartsWith("\n"u8) || piece.StartsWith("\r\n"u8) ? 1L : 0L;
        blank += CountOverlapping(piece, "\n\n"u8) + CountOverlapping(piece, "\n\r\n"u8);
        return blank;
    }

    private static long CountOverlapping(ReadOnlySpan<byte> text, ReadOnlySpan<byte> pattern)
    {
        var count = 0L;
        for (var at = text.IndexOf(pattern); at >= 0; at = text.IndexOf(pattern))
        {
            count++;
            text = text[(at + 1)..];
        }

        return count;
    }

    private DeliveryEncodingException Invalid(int index, string encoding)
    {
        var line = linesBefore + input.AsSpan(0, index).Count((byte)'\n') + 1;
        var offset = sourceOffset + index;
        return new DeliveryEncodingException(
            $"{fileName}: byte 0x{input[index]:X2} at offset {offset} (line {line}) is not valid {encoding}; the catalog declares {declared.ToString().ToLowerInvariant()}. " +
            "Ask the institution to redeliver the file in the declared encoding, or correct the catalog if the format changed; nothing of this feed was written.");
    }
}
