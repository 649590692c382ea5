using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace BlindSpot.Portal.Reports;

/// <summary>
/// API keys for the reports API: 32 random bytes (256 bits) in base64url after <c>bsk_</c>, shown once when issued and
/// stored only as their SHA-256. A salted slow hash (as for passwords) buys nothing here: a 256-bit random key cannot be
/// guessed from a word list, and a plain hash lets the key be found by an index lookup on every call.
/// </summary>
public static partial class ApiKeys
{
    public const string Prefix = "bsk_";

    /// <summary>A new key and its hash.</summary>
    public static (string Key, string Hash) New()
    {
        var key = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        return (key, Hash(key));
    }

    /// <summary>The stored form of a key: SHA-256, lower-case hex.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A key's name: lower-case letters, digits, '.', '-', '_', up to 40 characters, starting with a letter or digit.</summary>
    public static bool IsName(string? name) => name is not null && NameShape().IsMatch(name);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,39}$")]
    private static partial Regex NameShape();
}
