namespace BlindSpot.Dispatch.Outcomes;

/// <summary>
/// An outcome file refused as a whole: too many rows, an encoding that is neither UTF-8 nor CP949, a damaged or crafted
/// XLSX. <see cref="Exception.Message"/> names the file (and line) for the operator; <see cref="Korean"/> is what an
/// officer is shown, without server paths; <see cref="Reason"/> is the audit code. A data error (a <see cref="FormatException"/>, never retried).
/// </summary>
public sealed class OutcomeFileException : FormatException
{
    public OutcomeFileException(string reason, string message, string korean, Exception? inner = null)
        : base(message, inner)
    {
        Reason = reason;
        Korean = korean;
    }

    public OutcomeFileException()
        : this("invalid-content", "not an outcome file.", "결과 파일이 아닙니다.")
    {
    }

    public OutcomeFileException(string message)
        : this("invalid-content", message, "결과 파일이 아닙니다.")
    {
    }

    public OutcomeFileException(string message, Exception inner)
        : this("invalid-content", message, "결과 파일이 아닙니다.", inner)
    {
    }

    /// <summary>The audit code: too-many-rows, too-many-columns, encoding, invalid-xlsx, not-a-template.</summary>
    public string Reason { get; }

    /// <summary>The refusal as an officer reads it.</summary>
    public string Korean { get; }

    internal static OutcomeFileException TooManyRows(string path, int limit) => new(
        "too-many-rows",
        $"{path}: more than {limit:N0} rows; an outcome file answers one quarter's worklist, so this is not the right file or must be split.",
        $"행이 너무 많습니다: 한 파일에 {limit:N0}행까지 올릴 수 있습니다. 내려받은 워크리스트에 결과를 채운 파일인지 확인해 주세요.");

    internal static OutcomeFileException InvalidXlsx(string path, string what, Exception? inner = null) => new(
        "invalid-xlsx",
        $"{path}: not a readable XLSX workbook ({what}); save it again from Excel as .xlsx, or upload the CSV.",
        "엑셀(XLSX) 파일을 읽을 수 없습니다: 손상되었거나 허용되지 않는 내용이 있습니다. 엑셀에서 다시 저장하거나 CSV로 올려 주세요.",
        inner);
}
