using System.Text;

namespace BlindSpot.Core.Catalog;

/// <summary>
/// How an institution writes its file. On a source every field is set; on a feed only the fields that differ
/// from its source. <see cref="FeedCatalog.DeliveryOf"/> gives the resolved format.
/// </summary>
public sealed record DeliveryFormat
{
    /// <summary>The date formats institutions use.</summary>
    public static IReadOnlyList<string> DateFormats { get; } = ["yyyyMMdd", "yyyy-MM-dd", "yyyy.MM.dd"];

    public FeedEncoding? Encoding { get; init; }

    /// <summary>One character: <c>,</c>, <c>|</c> or a tab.</summary>
    public string? Delimiter { get; init; }

    /// <summary>One of <see cref="DateFormats"/>.</summary>
    public string? DateFormat { get; init; }

    public HeaderLanguage? HeaderLanguage { get; init; }

    /// <summary>The delimiter as a character; call only on a resolved format.</summary>
    public char DelimiterChar => Delimiter is { Length: 1 } d ? d[0] : throw new InvalidOperationException("Unresolved delivery format.");

    /// <summary>This format with any field <paramref name="overrides"/> sets taking its place.</summary>
    public DeliveryFormat With(DeliveryFormat? overrides) => overrides is null
        ? this
        : new DeliveryFormat
        {
            Encoding = overrides.Encoding ?? Encoding,
            Delimiter = overrides.Delimiter ?? Delimiter,
            DateFormat = overrides.DateFormat ?? DateFormat,
            HeaderLanguage = overrides.HeaderLanguage ?? HeaderLanguage,
        };

    /// <summary>
    /// The .NET encoding to write this delivery with. CP949 needs <c>CodePagesEncodingProvider</c>, which
    /// <see cref="TextEncodings"/> registers.
    /// </summary>
    public Encoding GetEncoding() => Encoding switch
    {
        FeedEncoding.Cp949 => TextEncodings.Cp949,
        FeedEncoding.Utf8Bom => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
        FeedEncoding.Utf8 => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        _ => throw new InvalidOperationException("Unresolved delivery format."),
    };
}
