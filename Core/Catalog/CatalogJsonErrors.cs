using System.Text.Json;
using System.Text.RegularExpressions;

namespace BlindSpot.Core.Catalog;

/// <summary>Turns a JSON reader error into a message that names the feed entry, not just a JSON path.</summary>
internal static partial class CatalogJsonErrors
{
    public static string Describe(byte[] json, JsonException error)
    {
        var path = error.Path ?? "";
        var problem = $"cannot be read at {path} (line {error.LineNumber + 1}): {FirstSentence(error.Message)}";
        var match = FeedIndex().Match(path);
        if (!match.Success)
        {
            return problem;
        }

        var code = FeedCodeAt(json, int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        return code is null ? problem : $"feed '{code}' {problem}";
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }

    private static string? FeedCodeAt(byte[] json, int index)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var feeds = document.RootElement.GetProperty("feeds");
            return index < feeds.GetArrayLength() && feeds[index].TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^\$\.feeds\[(\d+)\]")]
    private static partial Regex FeedIndex();
}
