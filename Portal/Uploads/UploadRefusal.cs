namespace BlindSpot.Portal.Uploads;

/// <summary>Why an upload was refused before or while importing: the audit outcome code and the Korean message shown.</summary>
public sealed record UploadRefusal(string Outcome, string Message);
