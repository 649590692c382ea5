using System.Text;

namespace BlindSpot.Core.Catalog;

/// <summary>Encodings institutions use, with the code-page provider registered once.</summary>
public static class TextEncodings
{
    /// <summary>
    /// Code page 949 (UHC). Not "euc-kr" (51949), which lacks syllables such as 똠. Invalid bytes throw rather than
    /// turning silently into replacement characters.
    /// </summary>
    public static Encoding Cp949 { get; } = CreateCp949();

    /// <summary>UTF-8 that throws on invalid bytes instead of writing U+FFFD, so mojibake is caught, not stored.</summary>
    public static Encoding StrictUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Registered here, not in a static constructor: property initialisers run before a static constructor's body,
    // so GetEncoding(949) threw NotSupportedException on first use.
    private static Encoding CreateCp949()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(949, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }
}
