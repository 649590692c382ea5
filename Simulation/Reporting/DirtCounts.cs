namespace BlindSpot.Simulation.Reporting;

/// <summary>Dirt rows injected into one feed file, by kind. Each is an extra row beside the clean records.</summary>
/// <param name="Duplicate">Exact copies of the row before.</param>
/// <param name="Malformed">Rows a field short or long, or a garbage line.</param>
/// <param name="OutOfRange">Rows with a number above its column's max, or an unknown code.</param>
/// <param name="BadCheckDigit">Rows whose resident number fails its check digit (person feeds only).</param>
/// <param name="UnknownKey">Rows with a valid resident or household number that is on no roster.</param>
public sealed record DirtCounts(long Duplicate, long Malformed, long OutOfRange, long BadCheckDigit, long UnknownKey)
{
    public static DirtCounts Zero { get; } = new(0, 0, 0, 0, 0);

    /// <summary>All injected rows.</summary>
    public long Total => Duplicate + Malformed + OutOfRange + BadCheckDigit + UnknownKey;

    public DirtCounts Add(DirtCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Duplicate + other.Duplicate, Malformed + other.Malformed, OutOfRange + other.OutOfRange, BadCheckDigit + other.BadCheckDigit, UnknownKey + other.UnknownKey);
    }
}
