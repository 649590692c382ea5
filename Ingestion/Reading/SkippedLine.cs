namespace BlindSpot.Ingestion.Reading;

/// <summary>
/// A delivery line the reader did not hand to the CSV parser (an empty line went in its place, so line numbers stay true),
/// for the caller to count as read and quarantine: a line too long to decode, or the line where a quote opens that never closes.
/// </summary>
/// <param name="LineNumber">The 1-based physical line (the header is line 1).</param>
/// <param name="Text">The line as delivered, or its first bytes when it was too long to keep.</param>
/// <param name="Reason">Why, in words that group in the report ("line longer than the limit").</param>
/// <param name="Detail">The reason with this line's numbers, for the reject file.</param>
internal sealed record SkippedLine(long LineNumber, string Text, string Reason, string Detail);
