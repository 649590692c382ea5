using System.Globalization;
using BlindSpot.Ingestion.Reading;
using BlindSpot.Ingestion.Validation;

namespace BlindSpot.Ingestion.Feeds;

/// <summary>
/// The structure guards every delivery shares, roster and feeds alike: a line too long for the reader to decode is
/// counted and quarantined by its line number, a line longer than the limit is a reject, and once the file is read every
/// non-blank line must have become exactly one record, so no quote or stray line break can swallow rows unnoticed.
/// </summary>
internal sealed class LineChecks(DeliveryReader reader, RejectWriter rejects, RecordCounts counts, int maxLineBytes)
{
    /// <summary>Quarantines the lines the reader has taken out so far; each counts as read and rejected.</summary>
    public void TakeSkipped()
    {
        while (reader.TryTakeSkippedLine(out var line))
        {
            counts.Read++;
            rejects.Write(line.Text, line.LineNumber, "", line.Detail);
            counts.Reject("", line.Reason);
        }
    }

    /// <summary>Why the current record is too long, or null; the reason a reject file shows.</summary>
    public string? TooLongReason() => reader.RawRecord.Length > maxLineBytes
        ? string.Create(CultureInfo.InvariantCulture, $"{DecodingStream.TooLong}: {reader.RawRecord.Length:N0} bytes, over {maxLineBytes:N0}")
        : null;

    /// <summary>Once the file is read: fails the delivery when more lines than <paramref name="maxUnmatched"/> did not become one record each.</summary>
    public void CheckEveryLineRead(string fileName, string source, int maxUnmatched)
    {
        counts.Lines = reader.DataLines;
        var unmatched = reader.UnmatchedLines(counts.Read);
        if (Math.Abs(unmatched) > maxUnmatched)
        {
            throw new FeedFailedException(string.Create(CultureInfo.InvariantCulture,
                $"{fileName}: {counts.Read + unmatched:N0} non-blank lines after the header but {counts.Read:N0} records were read; {Math.Abs(unmatched):N0} line(s) are unaccounted for (limit {maxUnmatched}). " +
                $"Quoting or line breaks in the file join or split lines; nothing of this delivery was published. Ask {source} to redeliver it."));
        }
    }
}
