using BlindSpot.Core.IO;

namespace BlindSpot.Dispatch.Outcomes;

/// <summary>
/// A read-only view of an unpacked XLSX part that refuses to give more than a set number of bytes: a few kilobytes of zip
/// can unpack to gigabytes, and the limit stops that while streaming instead of after.
/// </summary>
internal sealed class LimitedStream(Stream inner, long limit, string path, string part) : ForwardReadStream
{
    private long read;

    public override long Position { get => read; set => throw new NotSupportedException(); }

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        read += n;
        if (read > limit)
        {
            throw new OutcomeFileException(
                "too-large",
                $"{path}: {part} unpacks to more than {limit / (1 << 20):N0} MiB; an outcome workbook is far smaller.",
                "파일의 압축을 풀면 너무 큽니다. 내려받은 워크리스트에 결과를 채운 파일인지 확인해 주세요.");
        }

        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
