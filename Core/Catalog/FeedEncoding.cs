using System.Text.Json.Serialization;

namespace BlindSpot.Core.Catalog;

/// <summary>How an institution encodes its file.</summary>
public enum FeedEncoding
{
    /// <summary>Code page 949 (UHC, a superset of EUC-KR), as older public systems write; no BOM.</summary>
    [JsonStringEnumMemberName("cp949")]
    Cp949,

    /// <summary>UTF-8 with a byte-order mark, as Excel-friendly exports write.</summary>
    [JsonStringEnumMemberName("utf-8-bom")]
    Utf8Bom,

    /// <summary>UTF-8 without a BOM.</summary>
    [JsonStringEnumMemberName("utf-8")]
    Utf8,
}
