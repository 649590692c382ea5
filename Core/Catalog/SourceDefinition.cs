namespace BlindSpot.Core.Catalog;

/// <summary>An institution that delivers feeds, and the file format it uses by default.</summary>
public sealed record SourceDefinition
{
    /// <summary>Upper-case code, also the folder under <c>raw/&lt;Q&gt;/</c>.</summary>
    public required string Code { get; init; }

    public required string NameKo { get; init; }

    public required string NameEn { get; init; }

    public required DeliveryFormat Delivery { get; init; }
}
