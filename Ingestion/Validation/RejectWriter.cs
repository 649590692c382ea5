using System.Globalization;
using System.Text;

namespace BlindSpot.Ingestion.Validation;

/// <summary>
/// Writes <c>quarantine/&lt;Q&gt;/&lt;feed&gt;.rejects.csv</c> (UTF-8, RFC 4180): <c>original_line,line_number,field,reason</c>,
/// one row per rejected record, the original exactly as delivered (decoded) so an analyst can see and resend it.
/// </summary>
internal sealed class RejectWriter : IDisposable
{
    private readonly StreamWriter writer;

    public RejectWriter(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16) { NewLine = "\n" };
        writer.WriteLine("original_line,line_number,field,reason");
    }

    public long Count { get; private set; }

    public void Write(ReadOnlySpan<byte> originalUtf8, long lineNumber, string field, string reason)
    {
        WriteField(Encoding.UTF8.GetString(originalUtf8));
        writer.Write(',');
        writer.Write(lineNumber.ToString(CultureInfo.InvariantCulture));
        writer.Write(',');
        WriteField(field);
        writer.Write(',');
        WriteField(reason);
        writer.WriteLine();
        Count++;
    }

    public void Write(string original, long lineNumber, string field, string reason)
    {
        WriteField(original);
        writer.Write(',');
        writer.Write(lineNumber.ToString(CultureInfo.InvariantCulture));
        writer.Write(',');
        WriteField(field);
        writer.Write(',');
        WriteField(reason);
        writer.WriteLine();
        Count++;
    }

    public void Dispose() => writer.Dispose();

    private void WriteField(string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
