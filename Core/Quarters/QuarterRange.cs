using System.Collections;

namespace BlindSpot.Core.Quarters;

/// <summary>
/// An inclusive, ordered run of quarters such as <c>2025Q1..2026Q3</c>; a single quarter is a range of one. Immutable.
/// </summary>
public sealed record QuarterRange : IReadOnlyList<Quarter>
{
    public QuarterRange(Quarter first, Quarter last)
    {
        if (last < first)
        {
            throw new ArgumentException($"A quarter range must not run backwards: {first}..{last}.", nameof(last));
        }

        First = first;
        Last = last;
    }

    public Quarter First { get; }

    public Quarter Last { get; }

    public int Count => First.QuartersUntil(Last) + 1;

    public Quarter this[int index] =>
        index >= 0 && index < Count ? First.AddQuarters(index) : throw new ArgumentOutOfRangeException(nameof(index));

    public bool Contains(Quarter quarter) => quarter >= First && quarter <= Last;

    /// <summary>Parses <c>2025Q1..2026Q3</c> or a single <c>2026Q3</c>; throws <see cref="FormatException"/> naming the rule otherwise.</summary>
    public static QuarterRange Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var separator = text.IndexOf("..", StringComparison.Ordinal);
        if (separator < 0)
        {
            var single = Quarter.Parse(text);
            return new QuarterRange(single, single);
        }

        var first = Quarter.Parse(text[..separator]);
        var last = Quarter.Parse(text[(separator + 2)..]);
        if (last < first)
        {
            throw new FormatException($"'{text}' runs backwards: write the earlier quarter first, e.g. {last}..{first}.");
        }

        return new QuarterRange(first, last);
    }

    public IEnumerator<Quarter> GetEnumerator()
    {
        // By index, not by Next: Next of the last supported quarter would throw.
        for (var index = 0; index < Count; index++)
        {
            yield return First.AddQuarters(index);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => First == Last ? First.ToString() : $"{First}..{Last}";
}
