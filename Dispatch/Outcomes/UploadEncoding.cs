using System.Text;
using BlindSpot.Core.Catalog;

namespace BlindSpot.Dispatch.Outcomes;

/// <summary>
/// Which encoding an uploaded CSV is in: a UTF-8 or UTF-16 byte-order mark decides; otherwise the whole file is checked as
/// UTF-8 and then as CP949 (what Korean Excel writes for "CSV"), and refused naming both when neither fits. Read in
/// blocks, so a large file is never held.
/// </summary>
internal static class UploadEncoding
{
    public static Encoding Detect(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> start = stackalloc byte[3];
        var read = stream.ReadAtLeast(start, 3, throwOnEndOfStream: false);
        if (start[..read].StartsWith("\uFEFF"u8))
        {
            return Encoding.UTF8;
        }

        if (read >= 2 && ((start[0] == 0xFF && start[1] == 0xFE) || (start[0] == 0xFE && start[1] == 0xFF)))
        {
            return start[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
        }

        if (Fits(stream, TextEncodings.StrictUtf8, out _))
        {
            return Encoding.UTF8;
        }

        if (Fits(stream, TextEncodings.Cp949, out var offset))
        {
            return TextEncodings.Cp949;
        }

        throw new OutcomeFileException(
            "encoding",
            $"{path}: byte {offset:N0} is neither UTF-8 nor CP949 (EUC-KR); save the file from Excel as \"CSV UTF-8\".",
            "파일의 문자 인코딩을 읽을 수 없습니다 (UTF-8도 CP949도 아님). 엑셀에서 'CSV UTF-8(쉼표로 분리)'로 저장해 올려 주세요.");
    }

    /// <summary>Whether every byte of <paramref name="stream"/> decodes; else the offset of the block where it stopped.</summary>
    private static bool Fits(Stream stream, Encoding encoding, out long offset)
    {
        stream.Position = 0;
        var decoder = encoding.GetDecoder();
        var bytes = new byte[1 << 16];
        var chars = new char[encoding.GetMaxCharCount(bytes.Length)];
        offset = 0;
        try
        {
            int n;
            while ((n = stream.Read(bytes)) > 0)
            {
                decoder.GetChars(bytes, 0, n, chars, 0, flush: false);
                offset += n;
            }

            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException ex)
        {
            offset += Math.Max(ex.Index, 0);
            return false;
        }
    }
}
