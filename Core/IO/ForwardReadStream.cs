namespace BlindSpot.Core.IO;

/// <summary>
/// The frame of a read-only stream that is read once from start to end (a decoder, a verifier, a guard, a limit over
/// another stream): it cannot seek, write or tell its length. A subclass supplies <see cref="Read(Span{byte})"/> and, if
/// it counts, a <see cref="Position"/> getter; everything else a <see cref="Stream"/> must answer is here once.
/// </summary>
public abstract class ForwardReadStream : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public sealed override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public abstract override int Read(Span<byte> buffer);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
