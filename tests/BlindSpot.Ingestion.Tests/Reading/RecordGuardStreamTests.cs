using System.Text;
using BlindSpot.Ingestion.Reading;

namespace BlindSpot.Ingestion.Tests.Reading;

public sealed class RecordGuardStreamTests
{
    [Test]
    public void Read_BalancedInputInSmallPieces_PassesEveryByte()
    {
        var text = new StringBuilder("a,b,c\n");
        for (var i = 0; i < 60_000; i++)
        {
            text.Append(i % 7 == 0 ? $"{i},\"x, \"\"{i}\"\"\",z\n" : $"{i},y,z\n");
        }

        text.Append(new string('9', 1_400_000)).Append(",\"long\",z\n").Append("last,\"q\",");
        var input = Encoding.UTF8.GetBytes(text.ToString());

        var (output, guard) = Guard(input, piece: 7_001);

        Assert.Multiple(() =>
        {
            Assert.That(output, Is.EqualTo(input));
            Assert.That(guard.Skipped, Is.Empty);
            Assert.That(guard.ContinuationLines, Is.Zero);
        });
    }

    [Test]
    public void Read_QuotedLineBreak_IsOneRecordSpanningTwoLines()
    {
        var input = "h1,h2\r\n1,\"two\r\nlines\"\r\n2,x\r\n"u8.ToArray();

        var (output, guard) = Guard(input);

        Assert.Multiple(() =>
        {
            Assert.That(output, Is.EqualTo(input));
            Assert.That(guard.ContinuationLines, Is.EqualTo(1));
        });
    }

    [Test]
    public void Read_QuoteNeverClosed_TakesOutOnlyItsLineAndKeepsLineNumbers()
    {
        var lines = new[] { "h1,h2", "1,a", "2,\"b", "3,c" }.Concat(Enumerable.Range(4, 30).Select(i => $"{i},d"));
        var input = Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

        var (output, guard) = Guard(input);

        var expected = Encoding.UTF8.GetBytes(string.Join("\n", lines.Select(l => l == "2,\"b" ? "" : l)) + "\n");
        Assert.Multiple(() =>
        {
            Assert.That(Encoding.UTF8.GetString(output), Is.EqualTo(Encoding.UTF8.GetString(expected)));
            Assert.That(guard.Skipped.Single().LineNumber, Is.EqualTo(3));
            Assert.That(guard.Skipped.Single().Text, Is.EqualTo("2,\"b"));
        });
    }

    private static (byte[] Output, RecordGuardStream Guard) Guard(byte[] input, int piece = int.MaxValue)
    {
        var guard = new RecordGuardStream(new PieceStream(input, piece), ',', 65_536);
        using var output = new MemoryStream();
        guard.CopyTo(output);
        return (output.ToArray(), guard);
    }

    // Hands out at most `piece` bytes a read, as a decoder over a network share might.
    private sealed class PieceStream(byte[] data, int piece) : MemoryStream(data)
    {
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, piece)]);

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, piece));
    }
}
