using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BlindSpot.Core.Catalog;

namespace BlindSpot.Scoring.Batch;

/// <summary>
/// The checkpoint key of one shard: SHA-256 over the part file's hash, the feature manifest's hash and, per live variant,
/// the model's hash and the candidate limit (which follows from the roster size and the margin). Same key, same shard bytes.
/// </summary>
internal static class ShardKey
{
    private const int FormatVersion = 1;

    public static string Compute(string partSha256, string manifestSha256, IReadOnlyList<LiveVariant> variants)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"format {FormatVersion}\npart {partSha256}\nmanifest {manifestSha256}\n");
        foreach (var variant in variants)
        {
            text.Append(CultureInfo.InvariantCulture, $"variant {variant.Variant.ToCode()} {variant.Model.Card.ModelSha256} {variant.CandidateLimit}\n");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
