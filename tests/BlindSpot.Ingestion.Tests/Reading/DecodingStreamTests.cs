using System.Text;
using BlindSpot.Core.Catalog;
using BlindSpot.Ingestion.Reading;

namespace BlindSpot.Ingestion.Tests.Reading;

public sealed class DecodingStreamTests
{
    // 3 MB of lines mixing Korean (two bytes in CP949, three in UTF-8) and ASCII, so characters straddle every 1 MB chunk.
    private static readonly string Text = string.Concat(Enumerable.Range(0, 250_000).Select(i => i % 3 == 0 ? $"{i},가나다똠,{i}\n" : $"{i},abc,{i}\n"));

    [TestCase(FeedEncoding.Cp949, Description = "CP949 is transcoded to UTF-8")]
    [TestCase(FeedEncoding.Utf8, Description = "UTF-8 passes through, validated")]
    public void Read_LargeMixedText_YieldsExactUtf8AcrossChunks(FeedEncoding encoding)
    {
        var bytes = (encoding == FeedEncoding.Cp949 ? TextEncodings.Cp949 : Encoding.UTF8).GetBytes(Text);
        using var stream = new DecodingStream(new MemoryStream(bytes), encoding, "test.csv");
        using var output = new MemoryStream();

        var buffer = new byte[77_777];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            output.Write(buffer, 0, read);
        }

        Assert.Multiple(() =>
        {
            Assert.That(Encoding.UTF8.GetString(output.ToArray()), Is.EqualTo(Text));
            Assert.That(stream.EndsWithLineBreak, Is.True);
            Assert.That(stream.OutputBytes, Is.EqualTo(Encoding.UTF8.GetByteCount(Text)));
        });
    }

    [Test]
    public void Read_InvalidUtf8DeepInFile_NamesOffsetAndLine()
    {
        var bytes = Encoding.UTF8.GetBytes(Text).ToList();
        var offset = 2_500_000;
        var line = bytes.Take(offset).Count(b => b == (byte)'\n') + 1;
        bytes.Insert(offset, 0xC3);
        bytes.Insert(offset + 1, 0x28);
        using var stream = new DecodingStream(new MemoryStream([.. bytes]), FeedEncoding.Utf8, "raw/x.csv");

        var error = Assert.Throws<DeliveryEncodingException>(() => stream.CopyTo(Stream.Null));

        Assert.That(error!.Message, Does.StartWith($"raw/x.csv: byte 0xC3 at offset {offset} (line {line}) is not valid UTF-8"));
    }

    [Test]
    public void Read_DanglingCp949LeadByteAtEnd_Fails()
    {
        byte[] bytes = [.. TextEncodings.Cp949.GetBytes("a,b\n1,"), 0xB0];
        using var stream = new DecodingStream(new MemoryStream(bytes), FeedEncoding.Cp949, "raw/y.csv");

        Assert.Throws<DeliveryEncodingException>(() => stream.CopyTo(Stream.Null));
    }
}
