using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;

namespace BlindSpot.Ingestion.Validation;

/// <summary>
/// Validates a feed's key field and turns it into its pseudonym: a resident number (form, birth date, check digit)
/// into a <see cref="PersonKey"/>, a household number into a <see cref="HouseholdKey"/>. The number itself is never kept.
/// </summary>
internal sealed class KeyParser
{
    /// <summary>Longest household registration number accepted; the HMAC input must stay short.</summary>
    public const int MaxHouseholdLength = 30;

    private const string EmptyKey = "is empty: every record needs its key";
    private const string BadHousehold = "household number must be 1–30 letters, digits or hyphens";

    private readonly ColumnType type;
    private readonly Pseudonymizer pseudonymizer;

    public KeyParser(ColumnDefinition keyColumn, Pseudonymizer pseudonymizer)
    {
        ArgumentNullException.ThrowIfNull(keyColumn);
        if (keyColumn.Type is not (ColumnType.ResidentNumber or ColumnType.HouseholdNumber))
        {
            throw new ArgumentException($"Column '{keyColumn.Name}' is not a resident or household number.", nameof(keyColumn));
        }

        type = keyColumn.Type;
        this.pseudonymizer = pseudonymizer;
    }

    /// <summary>Null and the key when valid; else the reason.</summary>
    public string? TryParse(ReadOnlySpan<byte> utf8, out long key)
    {
        key = 0;
        if (utf8.IsEmpty)
        {
            return EmptyKey;
        }

        if (utf8.Length > MaxHouseholdLength)
        {
            return type == ColumnType.ResidentNumber ? ResidentNumber.Validate("x") : BadHousehold;
        }

        Span<char> chars = stackalloc char[utf8.Length];
        for (var i = 0; i < utf8.Length; i++)
        {
            chars[i] = (char)utf8[i];
        }

        return type == ColumnType.ResidentNumber ? Person(chars, out key) : Household(chars, out key);
    }

    private string? Person(ReadOnlySpan<char> chars, out long key)
    {
        key = 0;
        if (ResidentNumber.Validate(chars) is { } reason)
        {
            return reason;
        }

        key = pseudonymizer.Person(chars).Value;
        return null;
    }

    private string? Household(ReadOnlySpan<char> chars, out long key)
    {
        key = 0;
        foreach (var c in chars)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return BadHousehold;
            }
        }

        key = pseudonymizer.Household(chars).Value;
        return null;
    }
}
