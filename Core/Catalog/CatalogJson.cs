using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlindSpot.Core.Catalog;

/// <summary>The JSON conventions of the catalog files: camelCase names, enums as camelCase strings, comments allowed.</summary>
internal static class CatalogJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };
}
