namespace BlindSpot.Dispatch.Outcomes;

/// <summary>One row of an uploaded outcome file, by field name, with its line number (the header is line 1).</summary>
internal sealed record UploadedRow(long Line, IReadOnlyDictionary<string, string> Fields)
{
    public string Get(string name) => Fields.TryGetValue(name, out var value) ? value.Trim() : "";
}
