using System.Globalization;

namespace BlindSpot.Core.Keys;

/// <summary>
/// The pseudonym of one household (세대): 64 bits of a keyed HMAC-SHA256 of the household registration number,
/// in a separate domain from <see cref="PersonKey"/> so the two can never collide by construction.
/// </summary>
public readonly record struct HouseholdKey(long Value)
{
    /// <summary>Sixteen lowercase hex digits.</summary>
    public override string ToString() => Value.ToString("x16", CultureInfo.InvariantCulture);
}
