using System.Buffers;
using System.Buffers.Text;

namespace BlindSpot.Simulation.Deliveries;

/// <summary>
/// Formats delimited rows straight into a byte buffer and hands full buffers to the stream: no row objects, no
/// strings. Rows end with CRLF (RFC 4180). The last row stays in the buffer until the next one begins, so dirt can
/// repeat or damage it.
/// </summary>
internal sealed class CsvByteWriter : IDisposable
{
    private const int BufferSize = 1 << 20;
    private const int FlushAt = BufferSize - (64 * 1024);
    private static readonly StandardFormat OneDecimal = new('F', 1);
    private readonly Stream stream;
    private readonly byte delimiter;
    private readonly byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int position;
    private int rowStart;
    private int rowEnd;
    private bool firstField = true;

    public CsvByteWriter(Stream stream, char delimiter)
    {
        this.stream = stream;
        this.delimiter = checked((byte)delimiter);
    }

    /// <summary>Bytes handed to the stream so far plus those still buffered.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>Writes bytes as they are (a pre-encoded header with its BOM).</summary>
    public void Raw(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(buffer.AsSpan(position));
        position += bytes.Length;
    }

    public void BeginRow()
    {
        if (position >= FlushAt)
        {
            Flush();
        }

        rowStart = position;
        firstField = true;
    }

    public void EndRow()
    {
        buffer[position++] = (byte)'\r';
        buffer[position++] = (byte)'\n';
        rowEnd = position;
    }

    /// <summary>A field known to need no quoting (digits, codes, dates).</summary>
    public void Plain(ReadOnlySpan<byte> bytes)
    {
        Separator();
        bytes.CopyTo(buffer.AsSpan(position));
        position += bytes.Length;
    }

    /// <summary>A field quoted when it holds the delimiter, a quote or a line break (RFC 4180), inner quotes doubled.</summary>
    public void Text(ReadOnlySpan<byte> bytes)
    {
        Separator();
        if (bytes.IndexOfAny(delimiter, (byte)'"', (byte)'\n') < 0 && bytes.IndexOf((byte)'\r') < 0)
        {
            bytes.CopyTo(buffer.AsSpan(position));
            position += bytes.Length;
            return;
        }

        buffer[position++] = (byte)'"';
        foreach (var b in bytes)
        {
            if (b == '"')
            {
                buffer[position++] = b;
            }

            buffer[position++] = b;
        }

        buffer[position++] = (byte)'"';
    }

    public void Empty() => Separator();

    public void Integer(long value)
    {
        Separator();
        Utf8Formatter.TryFormat(value, buffer.AsSpan(position), out var written);
        position += written;
    }

    public void Decimal(double value)
    {
        Separator();
        Utf8Formatter.TryFormat(value, buffer.AsSpan(position), out var written, OneDecimal);
        position += written;
    }

    public void Date(int dayNumber, DateStyle style)
    {
        Separator();
        var date = DateOnly.FromDayNumber(dayNumber);
        position += style.Write(buffer.AsSpan(position), date);
    }

    /// <summary>Writes the last row again, byte for byte.</summary>
    public void RepeatLastRow()
    {
        var length = rowEnd - rowStart;
        buffer.AsSpan(rowStart, length).CopyTo(buffer.AsSpan(position));
        rowStart = position;
        position += length;
        rowEnd = position;
    }

    /// <summary>Writes the last row again without its last field: a row one field short.</summary>
    public void RepeatLastRowShort()
    {
        var row = buffer.AsSpan(rowStart, rowEnd - rowStart - 2);
        var cut = row.LastIndexOf(delimiter);
        row[..Math.Max(0, cut)].CopyTo(buffer.AsSpan(position));
        rowStart = position;
        position += Math.Max(0, cut);
        EndRow();
    }

    /// <summary>Writes the last row again with one extra field: a row one field long.</summary>
    public void RepeatLastRowLong(ReadOnlySpan<byte> extra)
    {
        var length = rowEnd - rowStart - 2;
        buffer.AsSpan(rowStart, length).CopyTo(buffer.AsSpan(position));
        rowStart = position;
        position += length;
        buffer[position++] = delimiter;
        extra.CopyTo(buffer.AsSpan(position));
        position += extra.Length;
        EndRow();
    }

    public void Flush()
    {
        stream.Write(buffer, 0, position);
        BytesWritten += position;
        position = rowStart = rowEnd = 0;
    }

    public void Dispose()
    {
        Flush();
        ArrayPool<byte>.Shared.Return(buffer);
    }

    private void Separator()
    {
        if (!firstField)
        {
            buffer[position++] = delimiter;
        }

        firstField = false;
    }

    private void Reserve(int length)
    {
        if (position + length > buffer.Length)
        {
            Flush();
        }

        if (length > buffer.Length)
        {
            throw new InvalidOperationException("A single write is larger than the row buffer.");
        }
    }
}
