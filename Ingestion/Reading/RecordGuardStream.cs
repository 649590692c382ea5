using System.Buffers;
using System.Globalization;
using System.Text;
using BlindSpot.Core.IO;

namespace BlindSpot.Ingestion.Reading;

/// <summary>
/// Sits between <see cref="DecodingStream"/> and the CSV parser and makes sure one stray quote cannot swallow the rest of a
/// delivery. It follows RFC 4180 quoting line by line (a quote opens a field only at its start; <c>""</c> is an escaped
/// quote); a record whose quoted field is still open after <see cref="MaxLinesPerRecord"/> lines, past the byte limit or
/// at the end of the file is not a record: its first line is taken out (an empty line goes in its place, so line numbers
/// stay true), listed in <see cref="Skipped"/> for quarantine, and reading starts again at the next line. Chunks without a
/// quote, nearly all of them, pass through after one vectorised search. Read-only, forward-only.
/// </summary>
internal sealed class RecordGuardStream : ForwardReadStream
{
    /// <summary>The most physical lines one record may span (a quoted field with line breaks in it).</summary>
    public const int MaxLinesPerRecord = 20;

    private const string Unclosed = "quote not closed";
    private const int ReadSize = 1 << 20;

    private readonly Stream source;
    private readonly byte delimiter;
    private readonly int maxRecordBytes;
    private byte[] buffer;
    private int emitStart;
    private int ready;
    private int end;
    private long lineNumber = 1;
    private bool sourceEnded;

    public RecordGuardStream(Stream source, char delimiter, int maxRecordBytes)
    {
        this.source = source;
        this.delimiter = (byte)delimiter;
        this.maxRecordBytes = maxRecordBytes;
        buffer = ArrayPool<byte>.Shared.Rent((2 * ReadSize) + maxRecordBytes);
    }

    /// <summary>Lines taken out because a quote opened on them never closed, oldest first.</summary>
    public Queue<SkippedLine> Skipped { get; } = new();

    /// <summary>Line breaks inside quoted fields of the records let through: lines that are part of an earlier line's record.</summary>
    public long ContinuationLines { get; private set; }

    /// <summary>Bytes handed to the parser so far (its byte offsets count these).</summary>
    public long OutputBytes { get; private set; }

    public override int Read(Span<byte> target)
    {
        while (emitStart == ready)
        {
            if (sourceEnded && ready == end)
            {
                return 0;
            }

            Refill();
        }

        var count = Math.Min(target.Length, ready - emitStart);
        buffer.AsSpan(emitStart, count).CopyTo(target);
        emitStart += count;
        OutputBytes += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> target, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(target.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            source.Dispose();
            ArrayPool<byte>.Shared.Return(buffer);
        }

        base.Dispose(disposing);
    }

    // Keeps what is not yet classified, reads more, and classifies every complete record.
    private void Refill()
    {
        var kept = end - ready;
        buffer.AsSpan(ready, kept).CopyTo(buffer);
        emitStart = ready = 0;
        end = kept;
        if (buffer.Length - end < ReadSize)
        {
            // A kept line can be up to 1 MiB of source, half as long again once CP949 is UTF-8: grow rather than stall.
            var larger = ArrayPool<byte>.Shared.Rent(end + ReadSize);
            buffer.AsSpan(0, end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }

        var read = 0;
        while (!sourceEnded && read < ReadSize)
        {
            var n = source.Read(buffer.AsSpan(end, ReadSize - read));
            if (n == 0)
            {
                sourceEnded = true;
                break;
            }

            end += n;
            read += n;
        }

        Classify();
    }

    private void Classify()
    {
        while (ready < end)
        {
            var rest = buffer.AsSpan(ready, end - ready);
            var quote = rest.IndexOf((byte)'"');
            var lastBreak = rest.LastIndexOf((byte)'\n');
            if (quote < 0 || (lastBreak >= 0 && quote > lastBreak))
            {
                // No quote in the complete lines: they pass as they are.
                var whole = sourceEnded && quote < 0 ? rest.Length : lastBreak + 1;
                lineNumber += rest[..whole].Count((byte)'\n');
                ready += whole;
                return;
            }

            var lineStart = rest[..quote].LastIndexOf((byte)'\n') + 1;
            lineNumber += rest[..lineStart].Count((byte)'\n');
            ready += lineStart;
            if (!TakeRecord())
            {
                return;
            }
        }
    }

    // At the start of a line holding a quote: lets its record through, or takes the line out. False when more input is needed.
    private bool TakeRecord()
    {
        var record = buffer.AsSpan(ready, end - ready);
        var (length, lines, complete) = Scan(record);
        if (complete)
        {
            ContinuationLines += lines - 1;
            lineNumber += lines;
            ready += length;
            return true;
        }

        // Wait for more while the record may still close, and always for the rest of the line it opened on: only whole
        // lines are taken out, or the rest of a cut line would read as a record of its own.
        var lineEnd = record.IndexOf((byte)'\n');
        if (!sourceEnded && (lineEnd < 0 || (lines <= MaxLinesPerRecord && record.Length <= maxRecordBytes)))
        {
            return false;
        }

        var lineLength = lineEnd < 0 ? record.Length : lineEnd;
        var text = Encoding.UTF8.GetString(record[..Math.Min(lineLength, maxRecordBytes)]);
        var detail = sourceEnded && lines <= MaxLinesPerRecord
            ? $"{Unclosed}: a quoted field opened on this line is still open at the end of the file"
            : string.Create(CultureInfo.InvariantCulture, $"{Unclosed}: a quoted field opened on this line is still open {MaxLinesPerRecord} lines or {maxRecordBytes:N0} bytes later");
        Skipped.Enqueue(new SkippedLine(lineNumber, text, Unclosed, detail));
        buffer.AsSpan(ready + lineLength, end - ready - lineLength).CopyTo(buffer.AsSpan(ready));
        end -= lineLength;
        return true;
    }

    // One record from its first byte: its length with the line break, its physical lines, and whether it ends in the buffer.
    private (int Length, int Lines, bool Complete) Scan(ReadOnlySpan<byte> text)
    {
        var lines = 1;
        var i = 0;
        var fieldStart = true;
        Span<byte> stops = [delimiter, (byte)'\n'];
        while (i < text.Length && lines <= MaxLinesPerRecord)
        {
            if (fieldStart && text[i] == (byte)'"')
            {
                var close = ClosingQuote(text, i + 1, ref lines);
                if (close < 0)
                {
                    return (0, lines, false);
                }

                i = close + 1;
                fieldStart = false;
                continue;
            }

            var stop = text[i..].IndexOfAny(stops);
            if (stop < 0)
            {
                // The last record of a file without a final line break is complete as it stands.
                return sourceEnded ? (text.Length, lines, true) : (0, lines, false);
            }

            i += stop + 1;
            if (text[i - 1] == (byte)'\n')
            {
                return (i, lines, true);
            }

            fieldStart = true;
        }

        // The last record of a file without a final line break, ending right after a closed quote or a delimiter.
        return sourceEnded && i >= text.Length && lines <= MaxLinesPerRecord ? (text.Length, lines, true) : (0, lines, false);
    }

    // Index of the quote closing a field opened before from, or -1; counts the line breaks inside it.
    private int ClosingQuote(ReadOnlySpan<byte> text, int from, ref int lines)
    {
        while (true)
        {
            var quote = text[from..].IndexOf((byte)'"');
            var segment = quote < 0 ? text[from..] : text.Slice(from, quote);
            lines += segment.Count((byte)'\n');
            if (quote < 0 || lines > MaxLinesPerRecord)
            {
                return -1;
            }

            var at = from + quote;
            if (at + 1 < text.Length && text[at + 1] == (byte)'"')
            {
                from = at + 2;
                continue;
            }

            if (at + 1 == text.Length && !sourceEnded)
            {
                return -1;
            }

            return at;
        }
    }
}
