using CsvHelper;

namespace BlindSpot.Core.Csv;

/// <summary>
/// The one way BlindSpot writes CSV: CsvHelper's writer with RFC 4180 quoting and every text cell that a spreadsheet would
/// run as a formula (starting with = + - @, tab or CR) escaped with a leading apostrophe. Worklists, import reports,
/// reject files, registers, outcome history and audit exports all go through here, so they cannot quote or neutralise
/// differently. Numbers written as numbers (not text) are never escaped, so a negative amount stays a number.
/// </summary>
public static class CsvFiles
{
    /// <summary>RFC 4180, CRLF, formula escaping on, no byte-order mark (files read back by BlindSpot itself).</summary>
    public static CsvWriterOptions Options { get; } = CsvWriterOptions.Default with { Injection = CsvInjection.Escape };

    /// <summary>As <see cref="Options"/>, with a UTF-8 byte-order mark so that Excel shows Korean text (files for people).</summary>
    public static CsvWriterOptions ForExcel { get; } = Options with { WriteByteOrderMark = true };

    /// <summary>A writer over a new or truncated 0600 file in a 0700 folder (every CSV BlindSpot writes may hold personal data).</summary>
    public static CsvWriter CreatePrivate(string path, CsvWriterOptions? options = null) =>
        CsvWriter.Create(Files.PrivateFiles.Create(path), options ?? Options, leaveOpen: false);

    /// <summary>A writer over a stream the caller owns (an HTTP response, a memory buffer).</summary>
    public static CsvWriter Create(Stream stream, CsvWriterOptions? options = null, bool leaveOpen = true) =>
        CsvWriter.Create(stream, options ?? Options, leaveOpen);
}
