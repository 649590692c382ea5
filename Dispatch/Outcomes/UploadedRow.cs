namespace BlindSpot.Dispatch.Outcomes;

/// <summary>
/// One row of an uploaded outcome file, by field name, with its line number (the header is line 1; in an XLSX, the sheet's
/// own row number). A row the reader could not take apart (an unbalanced quote, a cell over the limit) carries the
/// <see cref="Problem"/> and the <see cref="ProblemField"/>, and is rejected as it stands.
/// </summary>
internal sealed record UploadedRow(long Line, IReadOnlyDictionary<string, string> Fields, string? ProblemField = null, string? Problem = null)
{
    public string Get(string name) => Fields.TryGetValue(name, out var value) ? value.Trim() : "";

    public static UploadedRow Quarantined(long line, string field, string problem) => new(line, new Dictionary<string, string>(), field, problem);
}
