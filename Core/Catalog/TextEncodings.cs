using System.Text;

namespace BlindSpot.Core.Catalog;

/// <summary>Encodings institutions use, with the code-page provider registered once.</summary>
public static class TextEncodings
{
    // Field initialisers run before a static constructor's body, so Cp949 is assigned here, after the registration.
    static TextEncodings()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Cp949 = Encoding.GetEncoding(949, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    /// <summary>
    /// Code page 949 (UHC). Not "euc-kr" (51949), which lacks syllables such as 똠. Invalid bytes throw rather than
    /// turning silently into replacement characters.
    /// </summary>
    public static Encoding Cp949 { get; }

    /// <summary>UTF-8 that throws on invalid bytes instead of writing U+FFFD, so mojibake is caught, not stored.</summary>
    public static Encoding StrictUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
