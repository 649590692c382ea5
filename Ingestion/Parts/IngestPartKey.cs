using System.Security.Cryptography;
using System.Text;
using BlindSpot.Ingestion.Deliveries;

namespace BlindSpot.Ingestion.Parts;

/// <summary>
/// The key of one ingest part: what changes its bytes. The stage's shared values (catalog, pseudonym key, options,
/// buckets: <see cref="IngestStage.SharedValues"/>), the delivery's path and SHA-256, and for a feed the roster it was
/// bucketed and checked against (the roster part's combined output hash: the same roster files give the same buckets and
/// unknown-key counts). SHA-256 of those lines, lowercase hex.
/// </summary>
internal static class IngestPartKey
{
    public static string Roster(IReadOnlyDictionary<string, string> shared, Delivery delivery) => Hash(shared, delivery, roster: null);

    public static string Feed(IReadOnlyDictionary<string, string> shared, Delivery delivery, string rosterOutput)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rosterOutput);
        return Hash(shared, delivery, rosterOutput);
    }

    private static string Hash(IReadOnlyDictionary<string, string> shared, Delivery delivery, string? roster)
    {
        ArgumentNullException.ThrowIfNull(shared);
        ArgumentNullException.ThrowIfNull(delivery);
        var text = new StringBuilder();
        foreach (var (name, value) in shared.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            text.Append('#').Append(name).Append('=').Append(value).Append('\n');
        }

        text.Append("delivery=").Append(delivery.RelativePath).Append(':').Append(delivery.Sha256).Append('\n');
        if (roster is not null)
        {
            text.Append("roster=").Append(roster).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
