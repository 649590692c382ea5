using System.Text;
using BlindSpot.Core.Csv;
using CsvHelper;

namespace BlindSpot.Ingestion.Validation;

/// <summary>
/// Writes <c>quarantine/&lt;Q&gt;/&lt;feed&gt;.rejects.csv</c>: <c>original_line,line_number,field,reason</c>, one row per
/// rejected record, the original as delivered (decoded) so an analyst can see and resend it. Through the project's one CSV
/// writer (<see cref="CsvFiles"/>): RFC 4180, and a cell a spreadsheet would run as a formula (= + - @) escaped. The
/// original lines hold resident numbers, so the file is owner-only (0600 in a 0700 folder).
/// </summary>
internal sealed class RejectWriter : IDisposable
{
    private readonly CsvWriter writer;

    public RejectWriter(string path)
    {
        writer = CsvFiles.CreatePrivate(path);
        writer.WriteRecord(["original_line", "line_number", "field", "reason"]);
    }

    public long Count { get; private set; }

    public void Write(ReadOnlySpan<byte> originalUtf8, long lineNumber, string field, string reason) =>
        Write(Encoding.UTF8.GetString(originalUtf8), lineNumber, field, reason);

    public void Write(string original, long lineNumber, string field, string reason)
    {
        writer.WriteField(original);
        writer.WriteField(lineNumber, default);
        writer.WriteField(field);
        writer.WriteField(reason);
        writer.EndRecord();
        Count++;
    }

    public void Dispose() => writer.Dispose();
}
