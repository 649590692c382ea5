using System.Text;
using BlindSpot.Core.Catalog;
using BlindSpot.Ingestion.Deliveries;
using BlindSpot.Ingestion.Feeds;
using CsvHelper;

namespace BlindSpot.Ingestion.Reading;

/// <summary>
/// Reads one delivery record by record with CsvHelper's span API: gzip or plain, strict encoding, the catalog's
/// delimiter, RFC 4180 quoting with one record per line (a line break inside quotes is malformed, so one stray quote
/// spoils its own line only and the reader resynchronises at the next), columns located by <see cref="HeaderMap"/>.
/// Fields are UTF-8 spans valid until the next <see cref="Read"/>; nothing is kept per record.
/// </summary>
internal sealed class DeliveryReader : IDisposable
{
    private readonly DecodingStream decoding;
    private readonly RecordGuardStream guard;
    private readonly CsvReader csv;
    // Filled by CsvHelper's malformed-record callback, keyed by record number (header = 1), drained as records are read.
    private readonly Dictionary<long, CsvMalformedReason> malformed;

    private DeliveryReader(DecodingStream decoding, RecordGuardStream guard, CsvReader csv, HeaderMap header, Dictionary<long, CsvMalformedReason> malformed, IReadOnlyList<string> warnings)
    {
        this.decoding = decoding;
        this.guard = guard;
        this.csv = csv;
        this.malformed = malformed;
        Header = header;
        Warnings = warnings;
    }

    public HeaderMap Header { get; }

    /// <summary>"cp949", "utf-8" or "utf-8 (BOM)": what the bytes were decoded as.</summary>
    public string EncodingRead => decoding.EncodingRead;

    /// <summary>Encoding and header warnings found on opening.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The 1-based line of the delivery where the current record starts (the header is line 1).</summary>
    public long LineNumber => csv.LineNumber;

    public int FieldCount => csv.FieldCount;

    public ReadOnlySpan<byte> RawRecord => csv.RawRecord;

    /// <summary>Opens the delivery and reads its header; throws <see cref="FeedFailedException"/> for an empty file or missing columns.</summary>
    public static DeliveryReader Open(Delivery delivery, DeliveryFormat format, string source, int maxLineBytes)
    {
        var file = new FileStream(delivery.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        Stream raw = delivery.IsGzip ? VerifiedGzipStream.Open(file, delivery.RelativePath, source) : file;
        var decoding = new DecodingStream(raw, format.Encoding!.Value, delivery.RelativePath);
        var guard = new RecordGuardStream(decoding, format.DelimiterChar, maxLineBytes);
        try
        {
            if (decoding.IsEmpty)
            {
                throw new FeedFailedException($"{delivery.RelativePath}: the file is empty (no header, no rows); ask {source} to redeliver it.");
            }

            var malformed = new Dictionary<long, CsvMalformedReason>();
            var options = CsvReaderOptions.Default with
            {
                Separator = format.DelimiterChar,
                HasHeader = true,
                Mode = CsvMode.Rfc4180,
                // RecordGuardStream has already taken out lines whose quote never closes, so this cannot swallow the file.
                AllowLineBreaksInQuotes = true,
                SkipEmptyLines = true,
                TrackLineNumbers = true,
                TrimWhitespace = false,
                IncludeValuesInExceptions = false,
                MalformedData = CsvMalformedDataHandling.Recover,
                FieldCountMismatch = CsvFieldCountHandling.Allow,
                Encoding = Encoding.UTF8,
                BufferSize = 1 << 20,
                OnMalformedRecord = record => malformed[record.RecordNumber] = record.Reason,
            };
            var csv = CsvReader.Create(guard, options, leaveOpen: true);
            var header = HeaderMap.Resolve(delivery.Feed, format.HeaderLanguage!.Value, csv.Headers, delivery.RelativePath, source);
            IReadOnlyList<string> warnings = decoding.EncodingWarning is { } warning ? [warning, .. header.Warnings] : header.Warnings;
            return new DeliveryReader(decoding, guard, csv, header, malformed, warnings);
        }
        catch
        {
            guard.Dispose();
            throw;
        }
    }

    public bool Read() => csv.Read();

    /// <summary>A line the reader took out (too long to decode, or a quote that never closes), for the caller to count and quarantine; false when none is waiting.</summary>
    public bool TryTakeSkippedLine(out SkippedLine line) => decoding.OverlongLines.TryDequeue(out line!) || guard.Skipped.TryDequeue(out line!);

    /// <summary>
    /// Once the file is read: non-blank physical lines after the header minus <paramref name="recordsRead"/> (records plus
    /// skipped over-long lines). Zero when every line became exactly one record.
    /// </summary>
    public long UnmatchedLines(long recordsRead) => decoding.PhysicalLines - decoding.BlankLines - 1 - guard.ContinuationLines - recordsRead;

    /// <summary>Non-blank physical lines after the header, once the file is read, for the report.</summary>
    public long DataLines => decoding.PhysicalLines - decoding.BlankLines - 1;

    /// <summary>The UTF-8 bytes of field <paramref name="index"/>, unquoted.</summary>
    public ReadOnlySpan<byte> GetSpan(int index) => csv.GetSpan(index);

    /// <summary>Why the current record's quoting is malformed, or null.</summary>
    public string? MalformedReason()
    {
        if (malformed.Count == 0 || !malformed.Remove(csv.RowNumber + 1, out var reason))
        {
            return null;
        }

        return reason switch
        {
            CsvMalformedReason.UnterminatedQuote => "a quoted field is never closed",
            CsvMalformedReason.StrayQuote => "a quote inside an unquoted field",
            CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a field",
            _ => $"malformed quoting ({reason})",
        };
    }

    /// <summary>True when the current record is the last of the file and no line break follows it: the transfer may have been cut.</summary>
    public bool IsUnterminatedLastRecord =>
        decoding.SourceEnded && !decoding.EndsWithLineBreak && csv.ByteOffset + csv.RawRecord.Length >= guard.OutputBytes;

    public void Dispose()
    {
        csv.Dispose();
        guard.Dispose();
    }
}
