using System.Globalization;

namespace BlindSpot.Core.Keys;

/// <summary>
/// The pseudonym of one person in the lake, features, scores and models: 64 bits of a keyed HMAC-SHA256 of the
/// resident number (see <see cref="Pseudonymizer"/>). Without the key it cannot be turned back into the number.
/// </summary>
public readonly record struct PersonKey(long Value)
{
    /// <summary>Sixteen lowercase hex digits.</summary>
    public override string ToString() => Value.ToString("x16", CultureInfo.InvariantCulture);
}
