namespace BlindSpot.Dispatch.Reports;

/// <summary>A row of a report file that could not be taken in: the file, its line, the field and the rule, never the field's text.</summary>
public sealed record ReportRejection(string File, long Line, string Field, string Message)
{
    public override string ToString() => $"{File}: line {Line}: {Field}: {Message}";
}
