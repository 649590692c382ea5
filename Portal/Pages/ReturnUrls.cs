namespace BlindSpot.Portal.Pages;

/// <summary>
/// Where to go after signing in again (a session ended while the officer was on a page): only a path of this portal,
/// never another site. A value is local when it starts with one '/' (not "//" or "/\", which browsers read as another
/// host), has no control characters and is at most 500 characters; anything else goes to the start page.
/// </summary>
internal static class ReturnUrls
{
    public const string Parameter = "ReturnUrl";

    public static bool IsLocal(string? url) =>
        url is { Length: > 0 and <= 500 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(c => char.IsControl(c) || c == '\\') && !url.StartsWith("/login", StringComparison.Ordinal);
}
