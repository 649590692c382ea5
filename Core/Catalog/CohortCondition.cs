namespace BlindSpot.Core.Catalog;

/// <summary>
/// One condition of a <see cref="RuleCohort"/>: the person (a person feed) or their household (a household feed) has a
/// record of <see cref="Feed"/> in the quarter's lake, and, when <see cref="Column"/> is given, one record whose value
/// lies within [<see cref="AtLeast"/>, <see cref="AtMost"/>] (either bound may be left out, not both).
/// </summary>
public sealed record CohortCondition
{
    public required string Feed { get; init; }

    /// <summary>A numeric column (int, long or double) of the feed; null: any record of the feed.</summary>
    public string? Column { get; init; }

    public double? AtLeast { get; init; }

    public double? AtMost { get; init; }

    /// <summary>Whether <paramref name="value"/> is within the bounds.</summary>
    public bool Holds(double value) => (AtLeast is not { } low || value >= low) && (AtMost is not { } high || value <= high);

    /// <summary>The condition in words, for messages: "missed_vaccination.missed ≥ 2".</summary>
    public override string ToString() =>
        Column is null ? Feed
        : $"{Feed}.{Column}{(AtLeast is { } low ? $" ≥ {low}" : "")}{(AtMost is { } high ? $" ≤ {high}" : "")}";
}
