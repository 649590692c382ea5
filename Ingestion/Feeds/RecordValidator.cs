using BlindSpot.Ingestion.Lake;
using BlindSpot.Ingestion.Reading;
using BlindSpot.Ingestion.Validation;

namespace BlindSpot.Ingestion.Feeds;

/// <summary>
/// The per-record loop of one feed: drop exact duplicates, check quoting and field count, parse the key and every
/// column, then either commit the row to the lake batch or write it to quarantine with the first failing field.
/// Synchronous on purpose: CsvHelper's spans must not cross an await.
/// </summary>
internal sealed class RecordValidator
{
    private const string TruncatedPrefix = "truncated last line (the file ends mid-record, without a line break)";

    private readonly DeliveryReader reader;
    private readonly LakeBatch batch;
    private readonly KeyParser keyParser;
    private readonly RejectWriter rejects;
    private readonly string keyName;
    private readonly DuplicateFilter duplicates;
    private readonly IReadOnlyList<int> indexes;
    private long truncated;

    public RecordValidator(DeliveryReader reader, LakeBatch batch, KeyParser keyParser, RejectWriter rejects, string keyName, int expectedRows, int maxLineBytes)
    {
        this.reader = reader;
        this.batch = batch;
        this.keyParser = keyParser;
        this.rejects = rejects;
        this.keyName = keyName;
        duplicates = new DuplicateFilter(expectedRows);
        indexes = reader.Header.Indexes;
        Lines = new LineChecks(reader, rejects, Counts, maxLineBytes);
    }

    public RecordCounts Counts { get; } = new();

    /// <summary>The structure guards of this delivery; check every line was read once the file ends.</summary>
    public LineChecks Lines { get; }

    /// <summary>Reads until the batch holds <paramref name="rowGroupSize"/> rows (true) or the file ends (false).</summary>
    public bool ReadBatch(int rowGroupSize)
    {
        while (reader.Read())
        {
            Lines.TakeSkipped();
            Counts.Read++;
            if (duplicates.IsDuplicate(reader.RawRecord))
            {
                Counts.Duplicates++;
                continue;
            }

            Validate();
            if (batch.Count >= rowGroupSize)
            {
                return true;
            }
        }

        Lines.TakeSkipped();
        return false;
    }

    /// <summary>Warnings about the file as a whole, once it has been read.</summary>
    public IEnumerable<string> Warnings(string fileName, string source)
    {
        if (truncated > 0)
        {
            yield return $"{fileName}: the last line is truncated (no line break at the end and an incomplete record); it was quarantined. Ask {source} to redeliver the complete file.";
        }

        if (Counts.Read == 0)
        {
            yield return $"{fileName}: has a header but no rows; check with {source} that nothing is missing.";
        }
    }

    private void Validate()
    {
        var (field, reason) = Check(out var key);
        if (reason is null)
        {
            batch.Commit(key, reader.LineNumber);
            Counts.Accepted++;
            return;
        }

        if (reader.IsUnterminatedLastRecord)
        {
            truncated++;
            reason = $"{TruncatedPrefix}: {(field.Length > 0 ? field + " " : "")}{reason}";
            field = "";
        }

        rejects.Write(reader.RawRecord, reader.LineNumber, field, reason);
        Counts.Reject(field, reason);
    }

    private (string Field, string? Reason) Check(out long key)
    {
        key = 0;
        if (reader.MalformedReason() is { } malformed)
        {
            return ("", malformed);
        }

        if (Lines.TooLongReason() is { } tooLong)
        {
            return ("", tooLong);
        }

        if (reader.FieldCount != reader.Header.FieldCount)
        {
            return ("", $"has {reader.FieldCount} fields where the header has {reader.Header.FieldCount}");
        }

        if (keyParser.TryParse(reader.GetSpan(indexes[0]), out key) is { } keyReason)
        {
            return (keyName, keyReason);
        }

        for (var i = 0; i < batch.Columns.Count; i++)
        {
            var column = batch.Columns[i];
            if (column.Stage(reader.GetSpan(indexes[i + 1])) is { } reason)
            {
                return (column.Column.Name, reason);
            }
        }

        return ("", null);
    }
}
