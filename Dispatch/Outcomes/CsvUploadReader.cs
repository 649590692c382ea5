using System.Text;
using CsvHelper;

namespace BlindSpot.Dispatch.Outcomes;

/// <summary>
/// Streams the rows of an uploaded CSV (UTF-8 or CP949). A line break always ends a record, so one stray quote cannot
/// swallow the rows after it: CsvHelper skips the malformed line and reports it, and it comes back here as a quarantined
/// row with its line number, in file order. Rows, columns and record size are limited as <see cref="OutcomeImportLimits"/> says.
/// </summary>
internal static class CsvUploadReader
{
    public static IEnumerable<UploadedRow> Read(string path, OutcomeImportLimits limits)
    {
        var encoding = UploadEncoding.Detect(path);
        var malformed = new Queue<UploadedRow>();
        var options = CsvReaderOptions.Default with
        {
            HasHeader = true,
            Mode = CsvMode.Rfc4180,
            AllowLineBreaksInQuotes = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = record => malformed.Enqueue(UploadedRow.Quarantined(
                record.LineNumber, "line", $"{Describe(record.Reason)}; the line was set aside and reading went on with the next line")),
            TrackLineNumbers = true,
            // A full row of cells at the limit, in UTF-8 (up to 4 bytes a character): anything longer is not a worklist row.
            MaxRecordSize = (int)Math.Min(Math.Max(64L << 10, 4L * limits.MaxCellChars * limits.MaxColumns), int.MaxValue),
            Encoding = encoding,
        };
        using var stream = File.OpenRead(path);
        using var csv = CsvReader.Create(stream, options, leaveOpen: true);
        var headers = UploadReader.Columns(path, csv.Headers.Select(h => h.TrimStart('\uFEFF')).ToList(), limits);
        var rows = 0;
        while (Next(csv, path))
        {
            while (malformed.Count > 0)
            {
                yield return Counted(malformed.Dequeue(), ref rows, path, limits);
            }

            // A line of separators only (what Excel writes for a formatted, empty row) holds nothing to report or to count.
            if (!IsBlank(csv))
            {
                yield return Counted(Row(csv, headers, limits), ref rows, path, limits);
            }
        }

        while (malformed.Count > 0)
        {
            yield return Counted(malformed.Dequeue(), ref rows, path, limits);
        }
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote (\") inside a field that does not start with one",
        CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a field",
        CsvMalformedReason.FieldCountMismatch => "a different number of fields than the header",
        _ => "a quote (\") that is never closed on its line",
    };

    private static bool Next(CsvReader csv, string path)
    {
        try
        {
            return csv.Read();
        }
        catch (CsvFormatException ex)
        {
            throw new OutcomeFileException("invalid-csv", $"{path}: {ex.Message}", "CSV 파일을 읽을 수 없습니다: 한 행이 너무 길거나 형식이 깨졌습니다.", ex);
        }
    }

    private static bool IsBlank(CsvReader csv)
    {
        for (var i = 0; i < csv.FieldCount; i++)
        {
            if (!csv.GetSpan(i).Trim(" \t"u8).IsEmpty)
            {
                return false;
            }
        }

        return true;
    }

    private static UploadedRow Counted(UploadedRow row, ref int rows, string path, OutcomeImportLimits limits) =>
        ++rows > limits.MaxRows ? throw OutcomeFileException.TooManyRows(path, limits.MaxRows) : row;

    private static UploadedRow Row(CsvReader csv, IReadOnlyList<string?> headers, OutcomeImportLimits limits)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < csv.FieldCount; i++)
        {
            var span = csv.GetSpan(i);
            // A UTF-8 character takes at most 3 bytes here (Korean), so shorter spans need no count.
            if (span.Length > limits.MaxCellChars && Encoding.UTF8.GetCharCount(span) is var length && length > limits.MaxCellChars)
            {
                var name = i < headers.Count && headers[i] is { } known ? known : $"column {i + 1}";
                return UploadedRow.Quarantined(csv.LineNumber, name, $"{length:N0} characters; a cell may hold at most {limits.MaxCellChars:N0}");
            }

            if (i < headers.Count && headers[i] is { } field)
            {
                fields[field] = Encoding.UTF8.GetString(span);
            }
        }

        return new UploadedRow(csv.LineNumber, fields);
    }
}
